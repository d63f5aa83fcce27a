package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/**
 * How advertisers buy one brand channel outside the platform and how it works on members. Spend
 * amounts are per 10,000 members, so a bigger world buys proportionally more and keeps its shape.
 *
 * @param advertiserShare share of advertisers that buy the channel (exactly round(share × advertisers), seeded choice)
 * @param dailySpendMin lowest weekly spend level per day, per 10,000 members
 * @param dailySpendMax highest weekly spend level per day, per 10,000 members
 * @param weeksOnShare share of weeks in flight; the other weeks spend nothing
 * @param adstockDecay carry-over of yesterday's exposure (or, for OOH, spend) into today's
 * @param saturationK adstock at which the effect reaches 63% of its peak: exposures for linear TV
 *     and streaming, spend per 10,000 members for OOH
 * @param maxRelativeLift peak relative lift on purchase probability at full saturation
 * @param maxReach linear TV only: share of households reached on a day of unlimited spend
 * @param reachSpend linear TV only: daily spend per 10,000 members that reaches 63% of max_reach
 * @param cpm streaming only: price per 1,000 impressions
 * @param relogRate streaming only: share of impressions the vendor logs twice (new log_id)
 */
public record BrandChannelConfig(
    double advertiserShare,
    double dailySpendMin,
    double dailySpendMax,
    double weeksOnShare,
    double adstockDecay,
    double saturationK,
    double maxRelativeLift,
    Double maxReach,
    Double reachSpend,
    Double cpm,
    Double relogRate) {

  public BrandChannelConfig {
    Check.range("advertiser_share", advertiserShare, 0.0, 1.0);
    Check.range("daily_spend_min", dailySpendMin, 0.0, 1_000_000.0);
    Check.range("daily_spend_max", dailySpendMax, dailySpendMin, 1_000_000.0);
    Check.range("weeks_on_share", weeksOnShare, 0.0, 1.0);
    Check.range("adstock_decay", adstockDecay, 0.0, 0.95);
    Validate.positive("saturation_k", saturationK, 1_000_000.0);
    Check.range("max_relative_lift", maxRelativeLift, 0.0, 5.0);
    if (maxReach != null) {
      Validate.positive("max_reach", maxReach, 1.0);
    }
    if (reachSpend != null) {
      Validate.positive("reach_spend", reachSpend, 1_000_000.0);
    }
    if (cpm != null) {
      Validate.positive("cpm", cpm, 10_000.0);
    }
    if (relogRate != null) {
      Check.range("relog_rate", relogRate, 0.0, 0.5);
    }
  }
}
