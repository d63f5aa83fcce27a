package io.triangulate.simulate.config;

import io.triangulate.simulate.Segments;
import java.util.Map;

/**
 * Multipliers of every campaign's lift by segment: a member's effect is the campaign's lift times
 * the product of its region, age-band and loyalty-tier multipliers.
 */
public record SegmentEffects(Map<String, Double> region, Map<String, Double> ageBand, Map<String, Double> loyaltyTier) {

  public SegmentEffects {
    region = Validate.keyedValues("region", region, Segments.REGIONS, 0.0, 5.0);
    ageBand = Validate.keyedValues("age_band", ageBand, Segments.AGE_BANDS, 0.0, 5.0);
    loyaltyTier = Validate.keyedValues("loyalty_tier", loyaltyTier, Segments.LOYALTY_TIERS, 0.0, 5.0);
  }

  /** The largest multiplier any member can have: bounds how negative a member's effect can get. */
  public double maxMultiplier() {
    return max(region) * max(ageBand) * max(loyaltyTier);
  }

  private static double max(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
  }
}
