package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;

/**
 * Media the advertisers buy outside the platform: linear TV (household exposures), streaming
 * (device and streaming-user impressions) and out-of-home (spend only). Each checks the settings
 * only it uses, and refuses those it would ignore so a misplaced key does not pass silently.
 *
 * @param maxLagDays adstock window: exposures (or OOH spend) older than this have no effect
 */
public record BrandMediaConfig(int maxLagDays, BrandChannelConfig linearTv, BrandChannelConfig streaming, BrandChannelConfig ooh) {

  public BrandMediaConfig {
    Check.range("max_lag_days", maxLagDays, 0, 60);
    Check.required("linear_tv", linearTv);
    Check.required("streaming", streaming);
    Check.required("ooh", ooh);
    Check.required("linear_tv.max_reach", linearTv.maxReach());
    Check.required("linear_tv.reach_spend", linearTv.reachSpend());
    absent("linear_tv", "cpm", linearTv.cpm());
    absent("linear_tv", "relog_rate", linearTv.relogRate());
    Check.required("streaming.cpm", streaming.cpm());
    Check.required("streaming.relog_rate", streaming.relogRate());
    absent("streaming", "max_reach", streaming.maxReach());
    absent("streaming", "reach_spend", streaming.reachSpend());
    for (String key : new String[] {"max_reach", "reach_spend", "cpm", "relog_rate"}) {
      absent("ooh", key, switch (key) {
        case "max_reach" -> ooh.maxReach();
        case "reach_spend" -> ooh.reachSpend();
        case "cpm" -> ooh.cpm();
        default -> ooh.relogRate();
      });
    }
  }

  private static void absent(String channel, String key, Double value) {
    if (value != null) {
      throw new ConfigException(channel + "." + key + " does not apply to " + channel + "; remove it");
    }
  }
}
