package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.simulate.Segments;
import java.util.Map;

/**
 * How a campaign's lift differs between members: a member's effect is the campaign's lift times
 * the product of its region, age-band, loyalty-tier and device multipliers and a past-purchase
 * factor {@code clamp(u^past_purchase_elasticity, past_purchase_min, past_purchase_max)} of its
 * latent purchase propensity u (which its past orders reveal). A negative elasticity means members
 * who already buy often respond relatively less: the ad reminds them of what they buy anyway.
 * {@code device} and the past-purchase keys are optional (1.0 and no past-purchase factor).
 */
public record SegmentEffects(
    Map<String, Double> region,
    Map<String, Double> ageBand,
    Map<String, Double> loyaltyTier,
    Map<String, Double> device,
    Double pastPurchaseElasticity,
    Double pastPurchaseMin,
    Double pastPurchaseMax) {

  public SegmentEffects {
    region = Validate.keyedValues("region", region, Segments.REGIONS, 0.0, 5.0);
    ageBand = Validate.keyedValues("age_band", ageBand, Segments.AGE_BANDS, 0.0, 5.0);
    loyaltyTier = Validate.keyedValues("loyalty_tier", loyaltyTier, Segments.LOYALTY_TIERS, 0.0, 5.0);
    device = device == null
        ? Map.of("mobile", 1.0, "desktop", 1.0, "app", 1.0)
        : Validate.keyedValues("device", device, Segments.DEVICES, 0.0, 5.0);
    pastPurchaseElasticity = pastPurchaseElasticity == null ? 0.0 : pastPurchaseElasticity;
    pastPurchaseMin = pastPurchaseMin == null ? 1.0 : pastPurchaseMin;
    pastPurchaseMax = pastPurchaseMax == null ? 1.0 : pastPurchaseMax;
    Check.range("past_purchase_elasticity", pastPurchaseElasticity, -2.0, 2.0);
    Check.range("past_purchase_min", pastPurchaseMin, 0.0, 5.0);
    Check.range("past_purchase_max", pastPurchaseMax, pastPurchaseMin, 5.0);
  }

  /** The past-purchase factor of a member with log propensity {@code logU}. */
  public double pastPurchaseFactor(double logU) {
    if (pastPurchaseElasticity == 0.0) {
      return Math.min(pastPurchaseMax, Math.max(pastPurchaseMin, 1.0));
    }
    return Math.min(pastPurchaseMax, Math.max(pastPurchaseMin, StrictMath.exp(pastPurchaseElasticity * logU)));
  }

  /** The largest multiplier any member can have: bounds how negative a member's effect can get. */
  public double maxMultiplier() {
    return max(region) * max(ageBand) * max(loyaltyTier) * max(device) * Math.max(pastPurchaseMax, 0.0);
  }

  private static double max(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
  }
}
