package io.triangulate.mmm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineTermsTest {

  @Test
  void trendRunsFromZeroToOne() {
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Trend.linear(5), 1e-15);
  }

  @Test
  void fourierTermsFollowTheCalendarDay() {
    // Period 4 days; 1970-01-02 is day 1, a quarter period: phase π/2.
    FourierSeasonality seasonality = new FourierSeasonality(4, 2);
    assertEquals(List.of("sin_1", "cos_1", "sin_2", "cos_2"), seasonality.names());
    double[][] columns = seasonality.columns(new LocalDate[] {LocalDate.of(1970, 1, 1), LocalDate.of(1970, 1, 2)});
    assertArrayEquals(new double[] {0, 1}, columns[0], 1e-12); // sin_1
    assertArrayEquals(new double[] {1, 0}, columns[1], 1e-12); // cos_1
    assertArrayEquals(new double[] {0, 0}, columns[2], 1e-12); // sin_2 = sin(π)
    assertArrayEquals(new double[] {1, -1}, columns[3], 1e-12); // cos_2 = cos(π)
  }

  @Test
  void yearlySeasonalityRepeatsEveryYear() {
    FourierSeasonality yearly = FourierSeasonality.yearly(3);
    double[][] a = yearly.columns(new LocalDate[] {LocalDate.of(2021, 3, 1)});
    double[][] b = yearly.columns(new LocalDate[] {LocalDate.of(2021, 3, 1).plusDays(1461)}); // 4 × 365.25
    for (int k = 0; k < 6; k++) {
      assertEquals(a[k][0], b[k][0], 1e-9);
    }
  }

  @Test
  void eventDummiesMarkThePeriodsContainingTheDates() {
    LocalDate[] dates = {LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 13), LocalDate.of(2020, 1, 20)};
    // Wednesday 15 January falls in the week of the 13th; the 13th itself too; 2019 is before the data.
    assertArrayEquals(new double[] {0, 1, 0}, EventDummies.indicator(dates, 7, Set.of(LocalDate.of(2020, 1, 15))), 0);
    assertArrayEquals(new double[] {0, 1, 0}, EventDummies.indicator(dates, 7, Set.of(LocalDate.of(2020, 1, 13))), 0);
    assertArrayEquals(new double[] {1, 0, 1},
        EventDummies.indicator(dates, 7, List.of(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 26), LocalDate.of(2019, 5, 1))), 0);
    // Past the end of the last period: not in the data.
    assertArrayEquals(new double[] {0, 0, 0}, EventDummies.indicator(dates, 7, Set.of(LocalDate.of(2020, 1, 27))), 0);
  }
}
