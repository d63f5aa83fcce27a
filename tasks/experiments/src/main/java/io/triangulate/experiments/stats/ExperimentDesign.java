package io.triangulate.experiments.stats;

/**
 * Planning a two-arm, two-sided test with a (possibly unequal) holdout share: sample sizes for a
 * target effect, and the minimum detectable effect (MDE) for given arm sizes.
 *
 * <p>Proportions: the pooled-z formula of {@link TwoProportionDesign} generalised to a control share
 * c of the N units (Fleiss §4.2 with unequal allocation). Means: N = (z_{1−α/2} + z_{power})² σ²
 * (1/c + 1/(1−c)) / δ², the normal-theory formula for the Welch-type test of {@link
 * MeanDifferenceTest} with a common σ. Each arm is rounded up; the MDE is then recomputed for the
 * rounded sizes. Days = ⌈(n_t + n_c) / dailyUnits⌉ where dailyUnits counts eligible units entering
 * the experiment per day (both arms); pass NaN when unknown.
 */
public final class ExperimentDesign {

  private ExperimentDesign() {}

  /** Sizes to detect an absolute lift {@code mde} on a conversion rate. */
  public static DesignResult forProportion(
      double baselineRate, double mde, double alpha, double power, double controlShare, double dailyUnits) {
    throw new UnsupportedOperationException("step 2");
  }

  /** Sizes to detect an absolute difference {@code mde} in a mean with standard deviation {@code sd}. */
  public static DesignResult forMean(
      double baselineMean, double sd, double mde, double alpha, double power, double controlShare, double dailyUnits) {
    throw new UnsupportedOperationException("step 2");
  }

  /** The MDE (absolute lift, positive direction) that given arm sizes detect on a conversion rate. */
  public static DesignResult mdeForProportion(
      long treatedN, long controlN, double baselineRate, double alpha, double power, double dailyUnits) {
    throw new UnsupportedOperationException("step 2");
  }

  /** The MDE (absolute difference) that given arm sizes detect on a mean with standard deviation {@code sd}. */
  public static DesignResult mdeForMean(
      long treatedN, long controlN, double baselineMean, double sd, double alpha, double power, double dailyUnits) {
    throw new UnsupportedOperationException("step 2");
  }
}
