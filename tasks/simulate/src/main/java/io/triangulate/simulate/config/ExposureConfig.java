package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/**
 * How ad opportunities and clicks depend on members, beyond each channel's rates.
 *
 * @param propensityElasticity daily opportunity probability grows as propensity^this: likely
 *     buyers browse more and so see more ads (one source of attribution's over-credit)
 * @param clickPropensityElasticity click probability grows as propensity^this (normalised so the
 *     population average is the channel's CTR)
 * @param maxDailyOpportunity cap on one member's daily opportunity probability
 * @param paramJitter campaigns vary their channel's adstock decay, saturation and targeting bias by
 *     a factor drawn in [1 - jitter, 1 + jitter]
 */
public record ExposureConfig(
    double propensityElasticity, double clickPropensityElasticity, double maxDailyOpportunity, double paramJitter) {

  public ExposureConfig {
    Check.range("propensity_elasticity", propensityElasticity, 0.0, 3.0);
    Check.range("click_propensity_elasticity", clickPropensityElasticity, 0.0, 3.0);
    Validate.positive("max_daily_opportunity", maxDailyOpportunity, 1.0);
    Check.range("param_jitter", paramJitter, 0.0, 0.5);
  }
}
