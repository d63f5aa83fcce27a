package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;

/**
 * The true effects of campaigns, by kind. The kinds' ranges are constrained so the kind means what
 * it says: strong and modest lifts are positive, zero is exactly zero, negative lies in [-0.3, 0)
 * (bounded so purchase probabilities never need clipping).
 */
public record LiftConfig(LiftRange strong, LiftRange modest, LiftRange zero, LiftRange negative, int maxLagDays) {

  /** The most negative relative lift a campaign may have. */
  public static final double MOST_NEGATIVE = -0.3;

  public LiftConfig {
    Check.required("strong", strong);
    Check.required("modest", modest);
    Check.required("zero", zero);
    Check.required("negative", negative);
    Check.that(strong.min() > 0, "strong.min must be > 0, got " + strong.min());
    Check.that(modest.min() > 0, "modest.min must be > 0, got " + modest.min());
    Check.that(zero.min() == 0 && zero.max() == 0, "zero.min and zero.max must be 0, got " + zero.min() + " and " + zero.max());
    Check.range("negative.min", negative.min(), MOST_NEGATIVE, 0.0);
    if (!(negative.max() < 0)) {
      throw new ConfigException("negative.max must be < 0 (and >= negative.min), got " + negative.max());
    }
    Check.range("max_lag_days", maxLagDays, 0, 60);
  }

  public int totalCount() {
    return strong.count() + modest.count() + zero.count() + negative.count();
  }

  public LiftRange of(String kind) {
    return switch (kind) {
      case "strong" -> strong;
      case "modest" -> modest;
      case "zero" -> zero;
      case "negative" -> negative;
      default -> throw new IllegalArgumentException("unknown lift kind " + kind);
    };
  }
}
