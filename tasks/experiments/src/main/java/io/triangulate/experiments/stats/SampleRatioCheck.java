package io.triangulate.experiments.stats;

import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Sample-ratio mismatch: do the arm sizes match the split the experiment was designed with? A
 * 50/50 test that ends with 50.8/49.2 over 100,000 units did not randomise what it claims to
 * (dropped logging, bot filters acting on one arm…), and its lift cannot be trusted however small its
 * p-value. Pearson's chi-square goodness-of-fit test with arms − 1 degrees of freedom.
 */
public final class SampleRatioCheck {

  private SampleRatioCheck() {}

  /** Treated versus control against the planned control (holdout) share, e.g. 0.1 for a 10% holdout. */
  public static SampleRatioResult twoArms(long treatedN, long controlN, double expectedControlShare) {
    return test(new long[] {treatedN, controlN}, new double[] {1 - expectedControlShare, expectedControlShare});
  }

  /**
   * Any number of arms against their planned shares.
   *
   * @throws IllegalArgumentException when the shares are not a valid split (this is a design input,
   *     not data: it should fail before any analysis runs)
   */
  public static SampleRatioResult test(long[] observed, double[] expectedShares) {
    if (observed.length != expectedShares.length || observed.length < 2) {
      throw new IllegalArgumentException("need one expected share per arm and at least two arms");
    }
    double shareSum = 0;
    long total = 0;
    for (int i = 0; i < observed.length; i++) {
      if (!(expectedShares[i] > 0 && expectedShares[i] < 1)) {
        throw new IllegalArgumentException(
            "expected shares must be strictly between 0 and 1, got " + expectedShares[i]);
      }
      if (observed[i] < 0) {
        throw new IllegalArgumentException("arm sizes cannot be negative, got " + observed[i]);
      }
      shareSum += expectedShares[i];
      total += observed[i];
    }
    if (Math.abs(shareSum - 1) > 1e-9) {
      throw new IllegalArgumentException("expected shares must add up to 1, got " + shareSum);
    }
    int df = observed.length - 1;
    if (total == 0) {
      return new SampleRatioResult(Double.NaN, df, Double.NaN, List.of("no units in any arm"));
    }
    double chiSquare = 0;
    for (int i = 0; i < observed.length; i++) {
      double expected = total * expectedShares[i];
      double deviation = observed[i] - expected;
      chiSquare += deviation * deviation / expected;
    }
    // The chi-square upper tail is the regularized upper incomplete gamma Q(df/2, χ²/2). Computing it
    // directly (rather than 1 − ChiSquaredDistribution.cumulativeProbability) keeps the digits of
    // the tiny p-values that real mismatches produce.
    double pValue = Gamma.regularizedGammaQ(df / 2.0, chiSquare / 2.0);
    return new SampleRatioResult(chiSquare, df, pValue, List.of());
  }
}
