package io.triangulate.geo.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeoAnalyzerTest {

  private static final LocalDate DAY0 = LocalDate.of(2025, 3, 3);

  /**
   * Five donors with their own seasonality and noise; two treated markets built as exact convex
   * combinations of them (t1 = 0.6·d1 + 0.4·d2, t2 = 0.2·d3 + 0.8·d4), so their mean is
   * 0.3·d1 + 0.2·d2 + 0.1·d3 + 0.4·d4, plus a known effect of +50 and +30 per day in the test.
   */
  private static GeoPanel exactPanel(int periods, int testStart) {
    SplittableRandom random = new SplittableRandom(21);
    double[][] y = new double[7][periods];
    for (int j = 0; j < 5; j++) {
      for (int t = 0; t < periods; t++) {
        y[j + 2][t] = 1000 * (j + 1) + 100 * Math.sin(2 * Math.PI * t / (5.0 + j)) + 20 * random.nextGaussian();
      }
    }
    for (int t = 0; t < periods; t++) {
      y[0][t] = 0.6 * y[2][t] + 0.4 * y[3][t] + (t >= testStart ? 50 : 0);
      y[1][t] = 0.2 * y[4][t] + 0.8 * y[5][t] + (t >= testStart ? 30 : 0);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int t = 0; t < periods; t++) {
      dates.add(DAY0.plusDays(t));
    }
    return new GeoPanel(List.of("t1", "t2", "d1", "d2", "d3", "d4", "d5"), dates, y);
  }

  @Test
  void recoversWeightsAndEffectOfAnExactConvexCombination() {
    GeoPanel panel = exactPanel(60, 45);
    GeoTest test = new GeoTest(List.of("t1", "t2"), DAY0.plusDays(45), null);
    for (GeoMethod method : GeoMethod.values()) {
      GeoAnalysis a = GeoAnalyzer.analyze(panel, test, GeoOptions.defaults(method).withIncrementalSpend(1200));
      // Mean effect (50 + 30)/2 = 40 per market-day; total 80·15 = 1,200 over 15 test days.
      assertEquals(40, a.att().value(), 1e-6, method.label());
      assertEquals(1200, a.incremental().value(), 1e-4, method.label());
      assertEquals(1.0, a.iroas().value(), 1e-7, method.label());
      assertEquals(45, a.prePeriods());
      assertEquals(15, a.testPeriods());
      assertEquals(0, a.preFit().rmse(), 1e-6);
      assertEquals(1, a.preFit().rSquared(), 1e-9);
      assertEquals(4, a.preFit().donorsUsed(), method.label());
      assertEquals("d4", a.preFit().weights().get(0).location());
      assertEquals(0.4, a.preFit().weights().get(0).weight(), 1e-8);
      assertEquals(0.3, a.preFit().weights().get(1).weight(), 1e-8);
      assertTrue(a.att().covers(40), a.att().toString());
      assertTrue(a.pValue() <= 0.1);
      PeriodEffect last = a.periods().get(59);
      assertEquals(1200, last.cumulative(), 1e-4);
      assertEquals(80, last.effect(), 1e-6);
      assertEquals(80, last.treated() - last.synthetic(), 1e-6);
    }
  }

  @Test
  void spendFromThePanelGivesIncrementalSpendAndIroas() {
    GeoPanel base = exactPanel(60, 45);
    double[][] spend = new double[7][60];
    for (int i = 0; i < 7; i++) {
      for (int t = 0; t < 60; t++) {
        spend[i][t] = 100 + i + (i < 2 && t >= 45 ? 20 : 0); // +20 a day in each treated market
      }
    }
    GeoPanel panel = new GeoPanel(base.locations(), base.dates(), base.outcome(), spend);
    GeoAnalysis a = GeoAnalyzer.analyze(panel, new GeoTest(List.of("t1", "t2"), DAY0.plusDays(45), null),
        GeoOptions.defaults(GeoMethod.SC));
    // Incremental spend 2 markets × 15 days × 20 = 600; iROAS 1,200 / 600 = 2.
    assertEquals(600, a.incrementalSpend(), 1e-8);
    assertEquals(2, a.iroas().value(), 1e-6);
  }

  @Test
  void testEndDropsLaterPeriods() {
    GeoPanel panel = exactPanel(60, 45);
    GeoAnalysis a = GeoAnalyzer.analyze(panel, new GeoTest(List.of("t1"), DAY0.plusDays(45), DAY0.plusDays(49)),
        GeoOptions.defaults(GeoMethod.SC));
    assertEquals(5, a.testPeriods());
    assertEquals(250, a.incremental().value(), 1e-5); // 50 a day for 5 days in t1 alone
    assertEquals(50, a.periods().size());
  }

  @Test
  void rejectsBadTestsWithReasons() {
    GeoPanel panel = exactPanel(60, 45);
    GeoOptions options = GeoOptions.defaults(GeoMethod.SC);
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> GeoAnalyzer.analyze(panel, new GeoTest(List.of("nowhere"), DAY0.plusDays(45), null), options));
    assertTrue(unknown.getMessage().contains("\"nowhere\" is not in the data"), unknown.getMessage());
    IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
        () -> GeoAnalyzer.analyze(panel, new GeoTest(List.of("t1"), DAY0.plusDays(90), null), options));
    assertTrue(late.getMessage().contains("outside the data"), late.getMessage());
    IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
        () -> GeoAnalyzer.analyze(panel, new GeoTest(List.of("t1"), DAY0.plusDays(3), null), options));
    assertTrue(early.getMessage().contains("only 3 periods before"), early.getMessage());
  }

  @Test
  void warnsWhenThePreFitIsPoor() {
    // A treated market that is pure noise around its own level: no donor combination tracks it.
    GeoPanel base = exactPanel(60, 45);
    double[][] y = base.outcome().clone();
    SplittableRandom random = new SplittableRandom(4);
    y[0] = new double[60];
    for (int t = 0; t < 60; t++) {
      y[0][t] = 3000 + 300 * random.nextGaussian();
    }
    GeoPanel panel = new GeoPanel(base.locations(), base.dates(), y);
    GeoAnalysis a = GeoAnalyzer.analyze(panel, new GeoTest(List.of("t1"), DAY0.plusDays(45), null),
        GeoOptions.defaults(GeoMethod.SC));
    assertTrue(a.preFit().rSquared() < 0.5, "R² " + a.preFit().rSquared());
    assertTrue(a.preFit().warnings().stream().anyMatch(w -> w.startsWith("poor pre-period fit")), a.preFit().warnings().toString());
  }
}
