package io.triangulate.simulate;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;
import io.triangulate.core.config.ConfigLoader;
import io.triangulate.simulate.config.BaselineConfig;
import io.triangulate.simulate.config.BrandMediaConfig;
import io.triangulate.simulate.config.CampaignOverride;
import io.triangulate.simulate.config.ChannelConfig;
import io.triangulate.simulate.config.DataQualityConfig;
import io.triangulate.simulate.config.ExposureConfig;
import io.triangulate.simulate.config.FlightConfig;
import io.triangulate.simulate.config.IdentityConfig;
import io.triangulate.simulate.config.LiftConfig;
import io.triangulate.simulate.config.OrderConfig;
import io.triangulate.simulate.config.PopulationConfig;
import io.triangulate.simulate.config.SegmentEffects;
import io.triangulate.simulate.config.WebConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The simulated world, as read from {@code configs/simulation.yaml} (documented there) and
 * validated on construction. The {@code with…} methods give variants for tests and benchmarks.
 */
public record SimulationConfig(
    long seed,
    LocalDate startDate,
    int days,
    int members,
    int advertisers,
    int campaigns,
    double holdoutShare,
    Map<String, CampaignOverride> campaignOverrides,
    FlightConfig flights,
    BaselineConfig baseline,
    PopulationConfig population,
    LiftConfig lift,
    SegmentEffects segmentEffects,
    ExposureConfig exposure,
    Map<String, ChannelConfig> channels,
    OrderConfig orders,
    DataQualityConfig dataQuality,
    IdentityConfig identity,
    BrandMediaConfig brandMedia,
    WebConfig web) {

  public static final String FILE = "simulation.yaml";

  public SimulationConfig {
    Check.required("start_date", startDate);
    Check.range("days", days, 1, 3660);
    Check.range("members", members, 1, 50_000_000);
    Check.range("advertisers", advertisers, 1, 999);
    Check.range("campaigns", campaigns, 1, 999);
    Check.range("holdout_share", holdoutShare, 0.0, 0.95);
    Check.required("flights", flights);
    Check.required("baseline", baseline);
    Check.required("population", population);
    Check.required("lift", lift);
    Check.required("segment_effects", segmentEffects);
    Check.required("exposure", exposure);
    Check.required("orders", orders);
    Check.required("data_quality", dataQuality);
    Check.required("identity", identity);
    Check.required("brand_media", brandMedia);
    Check.required("web", web);
    channels = checkChannels(channels);
    campaignOverrides = checkOverrides(campaignOverrides, campaigns);
    if (lift.totalCount() != campaigns) {
      throw new ConfigException(
          "lift counts (strong + modest + zero + negative = " + lift.totalCount() + ") must add up to campaigns ("
              + campaigns + ")");
    }
    checkNegativeLiftBound(lift, segmentEffects, advertisers, campaigns);
  }

  /** Reads and validates {@code simulation.yaml} from the loader's config directory (or the bundled default). */
  public static SimulationConfig load(ConfigLoader loader) {
    return loader.load(FILE, SimulationConfig.class);
  }

  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }

  public double holdoutShare(String campaignId) {
    CampaignOverride override = campaignOverrides.get(campaignId);
    return override != null && override.holdoutShare() != null ? override.holdoutShare() : holdoutShare;
  }

  /** Share of the campaign's control ghost impressions that are not logged (the SRM trap); 0 unless overridden. */
  public double controlGhostLogLoss(String campaignId) {
    CampaignOverride override = campaignOverrides.get(campaignId);
    return override != null && override.controlGhostLogLoss() != null ? override.controlGhostLogLoss() : 0.0;
  }

  public SimulationConfig withSeed(long newSeed) {
    return new SimulationConfig(newSeed, startDate, days, members, advertisers, campaigns, holdoutShare,
        campaignOverrides, flights, baseline, population, lift, segmentEffects, exposure, channels, orders, dataQuality,
        identity, brandMedia, web);
  }

  public SimulationConfig withMembers(int newMembers) {
    return new SimulationConfig(seed, startDate, days, newMembers, advertisers, campaigns, holdoutShare,
        campaignOverrides, flights, baseline, population, lift, segmentEffects, exposure, channels, orders, dataQuality,
        identity, brandMedia, web);
  }

  public SimulationConfig withDays(int newDays) {
    return new SimulationConfig(seed, startDate, newDays, members, advertisers, campaigns, holdoutShare,
        campaignOverrides, flights, baseline, population, lift, segmentEffects, exposure, channels, orders, dataQuality,
        identity, brandMedia, web);
  }

  public SimulationConfig withLift(LiftConfig newLift) {
    return new SimulationConfig(seed, startDate, days, members, advertisers, campaigns, holdoutShare,
        campaignOverrides, flights, baseline, population, newLift, segmentEffects, exposure, channels, orders, dataQuality,
        identity, brandMedia, web);
  }

  public SimulationConfig withDataQuality(DataQualityConfig newDataQuality) {
    return new SimulationConfig(seed, startDate, days, members, advertisers, campaigns, holdoutShare,
        campaignOverrides, flights, baseline, population, lift, segmentEffects, exposure, channels, orders, newDataQuality,
        identity, brandMedia, web);
  }

  public SimulationConfig withBrandMedia(BrandMediaConfig newBrandMedia) {
    return new SimulationConfig(seed, startDate, days, members, advertisers, campaigns, holdoutShare,
        campaignOverrides, flights, baseline, population, lift, segmentEffects, exposure, channels, orders, dataQuality,
        identity, newBrandMedia, web);
  }

  private static Map<String, ChannelConfig> checkChannels(Map<String, ChannelConfig> channels) {
    Check.required("channels", channels);
    Check.that(!channels.isEmpty(), "channels must configure at least one of " + Segments.CHANNELS);
    for (Map.Entry<String, ChannelConfig> entry : channels.entrySet()) {
      Check.oneOf("channels key", entry.getKey(), Segments.CHANNELS);
      Check.required("channels." + entry.getKey(), entry.getValue());
    }
    // Campaigns take channels round-robin in the file's order, so keep it.
    return Collections.unmodifiableMap(new LinkedHashMap<>(channels));
  }

  private static Map<String, CampaignOverride> checkOverrides(Map<String, CampaignOverride> overrides, int campaigns) {
    if (overrides == null) {
      return Map.of();
    }
    List<String> unknown = new ArrayList<>();
    for (String id : new TreeSet<>(overrides.keySet())) {
      boolean known = false;
      for (int c = 0; c < campaigns && !known; c++) {
        known = Ids.campaign(c, campaigns).equals(id);
      }
      if (!known) {
        unknown.add(id);
      }
      Check.required("campaign_overrides." + id, overrides.get(id));
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "campaign_overrides names unknown campaigns " + unknown + "; allowed: " + Ids.campaign(0, campaigns)
              + " to " + Ids.campaign(campaigns - 1, campaigns));
    }
    return Map.copyOf(overrides);
  }

  /**
   * A member's purchase probability is p0 × (1 + Σ effects); effects of the negative campaigns of
   * one advertiser must never reach -1, or the probability would need clipping and the recorded
   * truth would no longer be the expected effect.
   */
  private static void checkNegativeLiftBound(LiftConfig lift, SegmentEffects effects, int advertisers, int campaigns) {
    int perAdvertiser = (campaigns + advertisers - 1) / advertisers;
    int stacked = Math.min(lift.negative().count(), perAdvertiser);
    double worst = stacked * -lift.negative().min() * effects.maxMultiplier();
    if (worst >= 1.0) {
      throw new ConfigException(
          "lift.negative.min (" + lift.negative().min() + ") times the largest segment_effects product ("
              + effects.maxMultiplier() + ") over " + stacked
              + " negative campaigns of one advertiser reaches -100% of purchase probability; it must stay above -1");
    }
  }
}
