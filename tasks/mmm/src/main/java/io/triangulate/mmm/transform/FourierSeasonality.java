package io.triangulate.mmm.transform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fourier seasonality: for {@code k = 1 … order}, the pair {@code sin(2πk·d/P)} and
 * {@code cos(2πk·d/P)} where {@code d} is the date's day number (days since 1970-01-01) and
 * {@code P} the period in days (365.25 for yearly). Using calendar days rather than row numbers
 * keeps the phase right whatever the data frequency and across gaps.
 */
public record FourierSeasonality(double periodDays, int order) {

  public FourierSeasonality {
    if (!(periodDays > 0)) {
      throw new IllegalArgumentException("seasonality period must be positive, got " + periodDays);
    }
    if (order < 0) {
      throw new IllegalArgumentException("Fourier order must be ≥ 0, got " + order);
    }
  }

  public static FourierSeasonality yearly(int order) {
    return new FourierSeasonality(365.25, order);
  }

  /** Column names, {@code sin_1, cos_1, sin_2, …}. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (int k = 1; k <= order; k++) {
      names.add("sin_" + k);
      names.add("cos_" + k);
    }
    return names;
  }

  /** Columns {@code [2·order][n]} in the order of {@link #names()}. */
  public double[][] columns(LocalDate[] dates) {
    double[][] columns = new double[2 * order][dates.length];
    for (int t = 0; t < dates.length; t++) {
      double phase = 2 * Math.PI * dates[t].toEpochDay() / periodDays;
      for (int k = 1; k <= order; k++) {
        columns[2 * (k - 1)][t] = Math.sin(k * phase);
        columns[2 * (k - 1) + 1][t] = Math.cos(k * phase);
      }
    }
    return columns;
  }
}
