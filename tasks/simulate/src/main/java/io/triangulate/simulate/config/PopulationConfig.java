package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.simulate.Segments;
import java.util.Map;

/** How members spread over segments, and how long ago they signed up. */
public record PopulationConfig(
    Map<String, Double> regionShares,
    Map<String, Double> ageBandShares,
    Map<String, Double> loyaltyTierShares,
    int signupMaxDaysBeforeStart) {

  public PopulationConfig {
    regionShares = Validate.shares("region_shares", regionShares, Segments.REGIONS);
    ageBandShares = Validate.shares("age_band_shares", ageBandShares, Segments.AGE_BANDS);
    loyaltyTierShares = Validate.shares("loyalty_tier_shares", loyaltyTierShares, Segments.LOYALTY_TIERS);
    Check.range("signup_max_days_before_start", signupMaxDaysBeforeStart, 1, 36500);
  }
}
