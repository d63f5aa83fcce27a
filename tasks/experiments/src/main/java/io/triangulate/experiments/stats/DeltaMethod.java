package io.triangulate.experiments.stats;

/**
 * Ratio metrics (revenue per order, orders per member exposed) with the delta method, from per-unit
 * sums (Deng, Knoblich &amp; Lu 2018, "Applying the delta method in metric analytics"). For R =
 * n̄/d̄, a first-order expansion gives Var(R) ≈ (Var(num) − 2R·Cov(num, den) + R²·Var(den)) / (n·d̄²).
 */
public final class DeltaMethod {

  private DeltaMethod() {}

  /** One arm's ratio with its interval; NaN plus a note with fewer than 2 units or Σden = 0. */
  public static RatioEstimate ratio(RatioArm arm, ConfidenceLevel level) {
    throw new UnsupportedOperationException("step 2");
  }

  /** Treated versus control difference of the ratio. */
  public static RatioComparison compare(RatioArm treated, RatioArm control, ConfidenceLevel level) {
    throw new UnsupportedOperationException("step 2");
  }
}
