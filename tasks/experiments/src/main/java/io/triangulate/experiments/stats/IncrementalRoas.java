package io.triangulate.experiments.stats;

import java.util.Optional;

/**
 * Incremental ROAS = incremental revenue / spend. Spend is what was paid, known exactly, so the
 * interval is the revenue interval divided by spend; all its uncertainty comes from the revenue lift.
 */
public final class IncrementalRoas {

  private IncrementalRoas() {}

  /** Empty when spend is 0 (or not a positive number): a ratio per nothing means nothing. */
  public static Optional<RoasEstimate> estimate(MeanComparison revenue, double spend) {
    if (!(spend > 0) || Double.isInfinite(spend)) {
      return Optional.empty();
    }
    return Optional.of(
        new RoasEstimate(revenue.incrementalTotal() / spend, revenue.incrementalTotalInterval().scaled(1.0 / spend)));
  }
}
