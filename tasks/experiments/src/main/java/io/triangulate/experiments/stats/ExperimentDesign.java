package io.triangulate.experiments.stats;

/**
 * Planning a two-arm, two-sided test with a (possibly unequal) holdout share: sample sizes for a
 * target effect, and the minimum detectable effect (MDE) for given arm sizes.
 *
 * <p>Proportions: the pooled-z formula of {@link TwoProportionDesign} generalised to a control share
 * c of the N units (Fleiss §4.2 with unequal allocation). Means: N = (z_{1−α/2} + z_{power})² σ²
 * (1/c + 1/(1−c)) / δ², the normal-theory formula for the Welch-type test of {@link
 * MeanDifferenceTest} with a common σ. Each arm is rounded up; {@code mdeAbsolute} is the requested
 * effect (the rounded sizes detect it with at least the requested power). Days = ⌈(n_t + n_c) / dailyUnits⌉ where dailyUnits counts eligible units entering
 * the experiment per day (both arms); pass NaN when unknown.
 */
public final class ExperimentDesign {

  private ExperimentDesign() {}

  /** Sizes to detect an absolute lift {@code mde} on a conversion rate. */
  public static DesignResult forProportion(
      double baselineRate, double mde, double alpha, double power, double controlShare, double dailyUnits) {
    double total = TwoProportionDesign.totalSampleSize(alpha, power, baselineRate, mde, controlShare);
    return result(total, controlShare, Math.abs(mde), baselineRate, alpha, power, dailyUnits);
  }

  /** Sizes to detect an absolute difference {@code mde} in a mean with standard deviation {@code sd}. */
  public static DesignResult forMean(
      double baselineMean, double sd, double mde, double alpha, double power, double controlShare, double dailyUnits) {
    checkMeanInputs(baselineMean, sd, alpha, power);
    check("control share", controlShare);
    if (mde == 0 || !Double.isFinite(mde)) {
      throw new IllegalArgumentException("the effect to detect must be a non-zero number, got " + mde);
    }
    double z = StandardNormal.quantile(1 - alpha / 2) + StandardNormal.quantile(power);
    double total = z * z * sd * sd * (1 / controlShare + 1 / (1 - controlShare)) / (mde * mde);
    return result(total, controlShare, Math.abs(mde), baselineMean, alpha, power, dailyUnits);
  }

  /** The MDE (absolute lift, positive direction) that given arm sizes detect on a conversion rate. */
  public static DesignResult mdeForProportion(
      long treatedN, long controlN, double baselineRate, double alpha, double power, double dailyUnits) {
    checkSizes(treatedN, controlN);
    check("alpha", alpha);
    check("power", power);
    check("baseline rate", baselineRate);
    // Power rises with the lift: bisect for the lift whose power is the target, between 0 and the
    // largest lift a rate can have.
    double low = 0;
    double high = 1 - baselineRate;
    if (TwoProportionDesign.power(treatedN, controlN, alpha, baselineRate, high * (1 - 1e-12)) < power) {
      throw new IllegalArgumentException(
          "no lift up to a rate of 100% reaches power " + power + " with " + treatedN + " treated and " + controlN
              + " control units");
    }
    for (int i = 0; i < 200 && high - low > 1e-15; i++) {
      double mid = (low + high) / 2;
      if (TwoProportionDesign.power(treatedN, controlN, alpha, baselineRate, mid) < power) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return sized(treatedN, controlN, high, baselineRate, alpha, power, dailyUnits);
  }

  /** The MDE (absolute difference) that given arm sizes detect on a mean with standard deviation {@code sd}. */
  public static DesignResult mdeForMean(
      long treatedN, long controlN, double baselineMean, double sd, double alpha, double power, double dailyUnits) {
    checkSizes(treatedN, controlN);
    checkMeanInputs(baselineMean, sd, alpha, power);
    double z = StandardNormal.quantile(1 - alpha / 2) + StandardNormal.quantile(power);
    double mde = z * sd * Math.sqrt(1.0 / treatedN + 1.0 / controlN);
    return sized(treatedN, controlN, mde, baselineMean, alpha, power, dailyUnits);
  }

  private static DesignResult result(
      double total, double controlShare, double mde, double baseline, double alpha, double power, double dailyUnits) {
    // Guard the ceilings against representation noise, as TwoProportionDesign does.
    long controlN = (long) Math.ceil(controlShare * total - 1e-9);
    long treatedN = (long) Math.ceil((1 - controlShare) * total - 1e-9);
    return sized(treatedN, controlN, controlShare, mde, baseline, alpha, power, dailyUnits);
  }

  private static DesignResult sized(long treatedN, long controlN, double mde, double baseline, double alpha, double power,
      double dailyUnits) {
    return sized(treatedN, controlN, (double) controlN / (treatedN + controlN), mde, baseline, alpha, power, dailyUnits);
  }

  private static DesignResult sized(long treatedN, long controlN, double share, double mde, double baseline,
      double alpha, double power, double dailyUnits) {
    double days;
    if (Double.isNaN(dailyUnits)) {
      days = Double.NaN;
    } else if (dailyUnits > 0 && Double.isFinite(dailyUnits)) {
      days = Math.ceil((treatedN + controlN) / dailyUnits - 1e-9);
    } else {
      throw new IllegalArgumentException("eligible units per day must be a positive number, got " + dailyUnits);
    }
    double relative = baseline == 0 ? Double.NaN : mde / baseline;
    return new DesignResult(treatedN, controlN, mde, relative, days, baseline, alpha, power, share);
  }

  private static void checkMeanInputs(double baselineMean, double sd, double alpha, double power) {
    check("alpha", alpha);
    check("power", power);
    if (!Double.isFinite(baselineMean)) {
      throw new IllegalArgumentException("baseline mean must be a number, got " + baselineMean);
    }
    if (!(sd > 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("standard deviation must be a positive number, got " + sd);
    }
  }

  private static void checkSizes(long treatedN, long controlN) {
    if (treatedN <= 0 || controlN <= 0) {
      throw new IllegalArgumentException(
          "units per arm must be positive, got " + treatedN + " treated, " + controlN + " control");
    }
  }

  private static void check(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be strictly between 0 and 1, got " + value);
    }
  }
}
