package io.triangulate.experiments.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal distribution, shared: its quantiles and two-sided tail probabilities. */
final class StandardNormal {

  // A null random generator: we only evaluate the distribution, never sample from it, so there is
  // no reason to seed (and allocate) a Mersenne twister per instance.
  private static final NormalDistribution DISTRIBUTION =
      new NormalDistribution(null, 0.0, 1.0, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

  private StandardNormal() {}

  static double cdf(double z) {
    return DISTRIBUTION.cumulativeProbability(z);
  }

  static double quantile(double probability) {
    return DISTRIBUTION.inverseCumulativeProbability(probability);
  }

  /**
   * P(|Z| >= |z|). Computed as 2·Φ(−|z|) rather than 2·(1 − Φ(|z|)) so that very small p-values keep
   * their digits instead of cancelling to 0.
   */
  static double twoSidedPValue(double z) {
    return Math.min(1.0, 2.0 * cdf(-Math.abs(z)));
  }
}
