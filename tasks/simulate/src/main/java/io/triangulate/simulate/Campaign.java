package io.triangulate.simulate;

import io.triangulate.simulate.config.ChannelConfig;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign with its public settings (what {@code campaigns.csv} shows) and its true, hidden
 * parameters (what {@code campaign_params.csv} records for evaluation).
 *
 * @param relativeLift peak relative lift on purchase probability of a member with segment
 *     multiplier 1 at full saturation
 * @param adstockDecay λ: an impression k days ago counts λ^k
 * @param saturationK κ: the effect is relativeLift × (1 - exp(-adstock / κ))
 * @param targetingBias audience inclusion grows as propensity^targetingBias
 * @param dailyBudget expected daily spend of the treatment arm (ads are not paced against it)
 */
record Campaign(
    int index,
    String id,
    Advertiser advertiser,
    String name,
    String channel,
    ChannelConfig channelConfig,
    double unitPrice,
    LocalDate startDate,
    LocalDate endDate,
    double holdoutShare,
    String liftKind,
    double relativeLift,
    double adstockDecay,
    double saturationK,
    double targetingBias,
    List<Creative> creatives,
    double dailyBudget) {

  Campaign withDailyBudget(double budget) {
    return new Campaign(index, id, advertiser, name, channel, channelConfig, unitPrice, startDate, endDate,
        holdoutShare, liftKind, relativeLift, adstockDecay, saturationK, targetingBias, creatives, budget);
  }

  boolean costPerClick() {
    return channelConfig.costPerClick();
  }

  boolean liveOn(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(endDate);
  }

  /** Flight days (inclusive of both ends). */
  int lengthDays() {
    return (int) (endDate.toEpochDay() - startDate.toEpochDay()) + 1;
  }
}
