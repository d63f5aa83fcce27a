package io.triangulate.mmm.model;

import java.time.LocalDate;

/**
 * An experiment result used for calibration: over {@code start … end} (inclusive) the channel's
 * spend was changed by {@code spendChange} in total (negative for a holdout or go-dark test), and
 * the experiment measured {@code incrementalRevenue} (same sign convention) with standard error
 * {@code standardError}.
 */
public record LiftTest(
    String channel, LocalDate start, LocalDate end, double spendChange, double incrementalRevenue,
    double standardError) {

  public LiftTest {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("lift test for " + channel + " ends (" + end + ") before it starts (" + start + ")");
    }
    if (!(standardError > 0)) {
      throw new IllegalArgumentException("lift test for " + channel + " needs a positive standard error, got " + standardError);
    }
  }
}
