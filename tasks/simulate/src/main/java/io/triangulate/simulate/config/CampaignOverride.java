package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/** Per-campaign settings that replace the global ones; a missing value keeps the global one. */
public record CampaignOverride(Double holdoutShare) {

  public CampaignOverride {
    if (holdoutShare != null) {
      Check.range("holdout_share", holdoutShare, 0.0, 0.95);
    }
  }
}
