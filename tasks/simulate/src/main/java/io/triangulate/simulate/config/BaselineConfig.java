package io.triangulate.simulate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;
import io.triangulate.simulate.Segments;
import java.util.List;
import java.util.Map;

/**
 * Purchases without advertising: how likely members are to buy, how that varies between members,
 * advertisers and weekdays.
 *
 * @param controlConversion28d expected share of exposed control members buying from the campaign's
 *     advertiser within 28 days of first exposure, pooled over campaigns; the daily purchase
 *     probability is scaled to hit it
 * @param propensitySigma lognormal spread of the latent propensity (0 = everyone alike)
 * @param loyaltyPropensity propensity multiplier per loyalty tier
 * @param weeklySeasonality Monday..Sunday multipliers, rescaled to mean 1
 * @param preHistoryDays days of baseline orders (no campaigns, no brand media) before the start date,
 *     written on the first day as {@code transactions_history.csv}: the pre-period every campaign's
 *     CUPED covariate needs, also for campaigns that start on the first day (0 = none)
 */
public record BaselineConfig(
    // Jackson's snake_case would spell it control_conversion28d.
    @JsonProperty("control_conversion_28d") double controlConversion28d,
    double propensitySigma,
    Map<String, Double> loyaltyPropensity,
    double advertiserShareMin,
    double advertiserShareMax,
    List<Double> weeklySeasonality,
    int preHistoryDays) {

  public BaselineConfig {
    Check.range("control_conversion_28d", controlConversion28d, 0.0001, 0.5);
    Check.range("propensity_sigma", propensitySigma, 0.0, 2.0);
    loyaltyPropensity = Validate.keyedValues("loyalty_propensity", loyaltyPropensity, Segments.LOYALTY_TIERS, 0.01, 100.0);
    Validate.positive("advertiser_share_min", advertiserShareMin, 100.0);
    Check.range("advertiser_share_max", advertiserShareMax, advertiserShareMin, 100.0);
    Check.required("weekly_seasonality", weeklySeasonality);
    if (weeklySeasonality.size() != 7) {
      throw new ConfigException("weekly_seasonality must list 7 values (Monday..Sunday), got " + weeklySeasonality.size());
    }
    for (int d = 0; d < 7; d++) {
      Check.range("weekly_seasonality[" + d + "]", Check.required("weekly_seasonality[" + d + "]", weeklySeasonality.get(d)), 0.01, 10.0);
    }
    weeklySeasonality = List.copyOf(weeklySeasonality);
    Check.range("pre_history_days", preHistoryDays, 0, 365);
  }
}
