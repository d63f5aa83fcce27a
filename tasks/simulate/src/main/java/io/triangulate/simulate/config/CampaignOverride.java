package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/**
 * Per-campaign settings that replace the global ones; a missing value keeps the global one.
 *
 * @param holdoutShare share of the campaign's audience randomized to control
 * @param controlGhostLogLoss a trap for the sample-ratio check: the share of the control arm's ghost
 *     impressions that are never logged (a broken ghost-ad logger). Control members whose every
 *     ghost impression is lost never appear as exposed, so the exposed arms no longer have the
 *     planned split and the remaining control members are the ones with more ad opportunities
 *     (likelier buyers). Purchases and the truth are unaffected; 0 (the default) logs everything.
 */
public record CampaignOverride(Double holdoutShare, Double controlGhostLogLoss) {

  public CampaignOverride {
    if (holdoutShare != null) {
      Check.range("holdout_share", holdoutShare, 0.0, 0.95);
    }
    if (controlGhostLogLoss != null) {
      Check.range("control_ghost_log_loss", controlGhostLogLoss, 0.0, 0.99);
    }
  }
}
