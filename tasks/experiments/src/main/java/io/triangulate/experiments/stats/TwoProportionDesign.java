package io.triangulate.experiments.stats;

/**
 * Planning a two-arm test of conversion rates (equal arms, two-sided test at level α): how many
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
    checkProbability("alpha", alpha);
    checkProbability("power", power);
    checkRates(baselineRate, minimumDetectableLift);
    double p1 = baselineRate;
    double p2 = baselineRate + minimumDetectableLift;
    double pBar = (p1 + p2) / 2;
    double underNull = StandardNormal.quantile(1 - alpha / 2) * Math.sqrt(2 * pBar * (1 - pBar));
    double underAlternative = StandardNormal.quantile(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    double n = Math.pow(underNull + underAlternative, 2) / (minimumDetectableLift * minimumDetectableLift);
    // Guard the ceiling against representation noise (3841.0000000000005 is 3841 units, not 3842).
    return (long) Math.ceil(n - 1e-9);
  }

  /** Probability of a significant result with {@code nPerArm} units per arm if the true lift is {@code lift}. */
  public static double power(long nPerArm, double alpha, double baselineRate, double lift) {
    checkProbability("alpha", alpha);
    checkRates(baselineRate, lift);
    if (nPerArm <= 0) {
      throw new IllegalArgumentException("units per arm must be positive, got " + nPerArm);
    }
    double p1 = baselineRate;
    double p2 = baselineRate + lift;
    double pBar = (p1 + p2) / 2;
    double underNull = StandardNormal.quantile(1 - alpha / 2) * Math.sqrt(2 * pBar * (1 - pBar));
    double underAlternative = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return StandardNormal.cdf((Math.abs(lift) * Math.sqrt(nPerArm) - underNull) / underAlternative);
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
