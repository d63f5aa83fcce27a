package io.triangulate.simulate;

import io.triangulate.simulate.config.BaselineConfig;
import io.triangulate.simulate.config.PopulationConfig;

/**
 * The latent purchase propensity u of a member: loyalty-tier multiplier times a mean-one lognormal,
 * scaled so that the population mean of u is exactly 1. Also gives its population moments in
 * closed form, so targeting and calibration do not depend on which members were drawn (a world of
 * 1M members treats its first 40,000 exactly like the 40,000-member world does).
 */
final class Propensity {

  private final double sigma;
  private final double[] tierShare;
  private final double[] tierMultiplier; // normalised: Σ share × multiplier = 1
  private final double[] logTierMultiplier;

  Propensity(BaselineConfig baseline, PopulationConfig population) {
    this.sigma = baseline.propensitySigma();
    int tiers = Segments.LOYALTY_TIERS.size();
    this.tierShare = new double[tiers];
    this.tierMultiplier = new double[tiers];
    double mean = 0;
    for (int t = 0; t < tiers; t++) {
      String tier = Segments.LOYALTY_TIERS.get(t);
      tierShare[t] = population.loyaltyTierShares().get(tier);
      tierMultiplier[t] = baseline.loyaltyPropensity().get(tier);
      mean += tierShare[t] * tierMultiplier[t];
    }
    this.logTierMultiplier = new double[tiers];
    for (int t = 0; t < tiers; t++) {
      tierMultiplier[t] /= mean;
      logTierMultiplier[t] = StrictMath.log(tierMultiplier[t]);
    }
  }

  /**
   * log u of a member of {@code tier} whose standard-normal draw is {@code z}. Powers u^b are
   * computed as exp(b log u): a tenth of the cost of {@code StrictMath.pow}.
   */
  double logValue(int tier, double z) {
    return logTierMultiplier[tier] + sigma * z - sigma * sigma / 2.0;
  }

  /** Population mean of u^b: Σ_t share_t m_t^b · E[L^b], with E[L^b] = exp(b(b-1)σ²/2) for the mean-one lognormal L. */
  double moment(double b) {
    double tierPart = 0;
    for (int t = 0; t < tierShare.length; t++) {
      tierPart += tierShare[t] * StrictMath.pow(tierMultiplier[t], b);
    }
    return tierPart * StrictMath.exp(b * (b - 1) * sigma * sigma / 2.0);
  }

  int tiers() {
    return tierShare.length;
  }

  double tierShare(int tier) {
    return tierShare[tier];
  }
}
