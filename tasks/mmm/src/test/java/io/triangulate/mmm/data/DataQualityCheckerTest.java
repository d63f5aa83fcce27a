package io.triangulate.mmm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataQualityCheckerTest {

  @Test
  void findsMissingWeeks() {
    LocalDate[] dates = {
      LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 22), LocalDate.of(2024, 1, 29)};
    List<DataIssue> issues = DataQualityChecker.checkDates(dates);
    assertEquals(7, DataQualityChecker.typicalStepDays(dates));
    DataIssue gap = issues.stream().filter(i -> i.check().equals("date_gaps")).findFirst().orElseThrow();
    assertEquals(1, gap.count());
    assertTrue(gap.detail().startsWith("1 missing period(s), e.g. 2024-01-08 → 2024-01-22."), gap.detail());
  }

  @Test
  void flagsTargetSpikesByRobustZScore() {
    double[] sales = {100, 102, 98, 101, 99, 100, 103, 97, 500};
    // median 100, MAD 2 → z(500) = 0.6745·400/2 = 134.9; z(103) = 1.01.
    List<DataIssue> issues = DataQualityChecker.checkOutliers("sales", sales, false);
    assertEquals(1, issues.size());
    assertEquals(DataIssue.Severity.WARNING, issues.get(0).severity());
    assertEquals(1, issues.get(0).count());
    assertTrue(issues.get(0).detail().contains("largest z = 134.9 at period 9"), issues.get(0).detail());
  }

  @Test
  void varianceInflationOfTwoChannelsIsOneOverOneMinusRSquared() {
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] b = {1, 3, 2, 5, 4, 6};
    double r = DataQualityChecker.pearson(a, b);
    assertEquals(31.0 / 35, r, 1e-12); // Σdadb = 15.5, Σda² = Σdb² = 17.5
    double[] vif = DataQualityChecker.varianceInflation(new double[][] {{1, r}, {r, 1}});
    assertEquals(1 / (1 - r * r), vif[0], 1e-12);
    assertEquals(1 / (1 - r * r), vif[1], 1e-12);
  }

  @Test
  void warnsAboutChannelsThatMoveTogether() {
    double[] tv = {10, 20, 30, 40, 50, 60, 70, 80};
    double[] radio = {11, 19, 31, 42, 49, 61, 69, 81};
    double[] search = {5, 1, 4, 2, 6, 3, 5, 2};
    List<DataIssue> issues = DataQualityChecker.checkCollinearity(List.of("tv", "radio", "search"), new double[][] {tv, radio, search});
    assertTrue(issues.stream().anyMatch(i -> i.check().equals("collinear_pair") && i.column().equals("tv~radio")));
    assertTrue(issues.stream().anyMatch(i -> i.check().equals("vif") && i.column().equals("tv") && i.severity() == DataIssue.Severity.WARNING));
    assertTrue(issues.stream().anyMatch(i -> i.check().equals("vif") && i.column().equals("search") && i.severity() == DataIssue.Severity.INFO));
  }

  @Test
  void medianOfEvenAndOddSamples() {
    assertEquals(2.5, DataQualityChecker.median(new double[] {4, 1, 3, 2}), 0);
    assertEquals(3, DataQualityChecker.median(new double[] {5, 3, 1}), 0);
  }
}
