package io.triangulate.experiments.stats;

/**
 * Planning a two-arm test of conversion rates (two-sided test at level α, equal arms or a given
 * control share): how many
 * units per arm detect a given absolute lift with a given power, and what power a given size buys.
 *
 * <p>The normal-approximation formula without continuity correction (Fleiss, <i>Statistical Methods
 * for Rates and Proportions</i>, §4.2), matching the pooled z-test {@link TwoProportionTest} uses:
 *
 * <pre>
 *   n = ( z_{1−α/2} · √(2·p̄·(1−p̄)) + z_{power} · √(p₁(1−p₁) + p₂(1−p₂)) )² / δ²
 *   p₁ = baseline, p₂ = baseline + δ, p̄ = (p₁ + p₂) / 2
 * </pre>
 *
 * Power inverts it, ignoring the negligible chance of rejecting in the wrong direction.
 */
public final class TwoProportionDesign {

  private TwoProportionDesign() {}

  /** Units per arm, rounded up. */
  public static long sampleSizePerArm(double alpha, double power, double baselineRate, double minimumDetectableLift) {
    // Equal arms: half of the total for a control share of ½ (the general formula reduces to the
    // equal-arm one exactly: 1/c + 1/(1−c) = 4 and p̄ is the midpoint).
    double n = totalSampleSize(alpha, power, baselineRate, minimumDetectableLift, 0.5) / 2;
    // Guard the ceiling against representation noise (3841.0000000000005 is 3841 units, not 3842).
    return (long) Math.ceil(n - 1e-9);
  }

  /**
   * Total units N (not rounded) when a share {@code controlShare} = c of them is held out as control
   * and the rest t = 1 − c is treated (Fleiss §4.2 with unequal allocation):
   *
   * <pre>
   *   N = ( z_{1−α/2} · √(p̄(1−p̄)(1/c + 1/t)) + z_{power} · √(p₁(1−p₁)/c + p₂(1−p₂)/t) )² / δ²
   *   p̄ = c·p₁ + t·p₂ (the pooled rate the test will see)
   * </pre>
   */
  public static double totalSampleSize(
      double alpha, double power, double baselineRate, double minimumDetectableLift, double controlShare) {
    checkProbability("alpha", alpha);
    checkProbability("power", power);
    checkProbability("control share", controlShare);
    checkRates(baselineRate, minimumDetectableLift);
    double c = controlShare;
    double t = 1 - c;
    double p1 = baselineRate;
    double p2 = baselineRate + minimumDetectableLift;
    double pBar = c * p1 + t * p2;
    double underNull = StandardNormal.quantile(1 - alpha / 2) * Math.sqrt(pBar * (1 - pBar) * (1 / c + 1 / t));
    double underAlternative = StandardNormal.quantile(power) * Math.sqrt(p1 * (1 - p1) / c + p2 * (1 - p2) / t);
    return Math.pow(underNull + underAlternative, 2) / (minimumDetectableLift * minimumDetectableLift);
  }

  /** Probability of a significant result with {@code nPerArm} units per arm if the true lift is {@code lift}. */
  public static double power(long nPerArm, double alpha, double baselineRate, double lift) {
    return power(nPerArm, nPerArm, alpha, baselineRate, lift);
  }

  /** The same with unequal arms: {@code treatedN} treated, {@code controlN} control units. */
  public static double power(long treatedN, long controlN, double alpha, double baselineRate, double lift) {
    checkProbability("alpha", alpha);
    checkRates(baselineRate, lift);
    if (treatedN <= 0 || controlN <= 0) {
      throw new IllegalArgumentException("units per arm must be positive, got " + treatedN + " treated, " + controlN + " control");
    }
    double p1 = baselineRate;
    double p2 = baselineRate + lift;
    double pBar = (controlN * p1 + treatedN * p2) / (controlN + treatedN);
    double underNull =
        StandardNormal.quantile(1 - alpha / 2) * Math.sqrt(pBar * (1 - pBar) * (1.0 / treatedN + 1.0 / controlN));
    double underAlternative = Math.sqrt(p1 * (1 - p1) / controlN + p2 * (1 - p2) / treatedN);
    return StandardNormal.cdf((Math.abs(lift) - underNull) / underAlternative);
  }

  private static void checkProbability(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be strictly between 0 and 1, got " + value);
    }
  }

  private static void checkRates(double baselineRate, double lift) {
    checkProbability("baseline rate", baselineRate);
    if (lift == 0 || Double.isNaN(lift)) {
      throw new IllegalArgumentException("the lift to detect must be non-zero, got " + lift);
    }
    checkProbability("baseline rate + lift", baselineRate + lift);
  }
}
