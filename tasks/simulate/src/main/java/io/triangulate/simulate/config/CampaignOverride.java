package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/**
 * Per-campaign settings that replace the global ones; a missing value keeps the global one.
 *
 * @param holdoutShare share of the campaign's audience randomized to control
 * @param controlGhostLogLoss a trap for the sample-ratio check: the share of the campaign's control
 *     members whose ghost impressions are never logged (a member-level fault of the ghost-ad logger,
 *     e.g. one app version). Those members never appear as exposed, so the exposed arms no longer
 *     have the planned split. The members are drawn at random, so the lift of the rest stays
 *     unbiased; what the trap tests is that the broken experiment is flagged and not acted on.
 *     Purchases and the truth are unaffected; 0 (the default) logs everything.
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
