package io.triangulate.experiments.stats;

import java.util.List;

/**
 * A ratio metric in one arm, Σnum / Σden, with its delta-method standard error and interval.
 *
 * @param ratio R = Σnum / Σden
 * @param standardError √( (s²_num − 2R·s_num,den + R²·s²_den) / (n · d̄²) ), sample (co)variances
 *     with n − 1, d̄ = Σden / n
 * @param interval R ± z·standardError
 * @param notes reasons for NaN values; empty when everything is regular
 */
public record RatioEstimate(double ratio, double standardError, Interval interval, List<String> notes) {

  public RatioEstimate {
    notes = List.copyOf(notes);
  }
}
