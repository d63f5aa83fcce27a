package io.triangulate.experiments.stats;

/**
 * Sufficient statistics of a numeric outcome (orders, revenue…) in one arm: the number of units, the
 * sum of the outcome and the sum of its squares. That is all a mean difference with a normal
 * interval needs, and it is what SQL can aggregate without shipping unit rows to Java.
 */
public record ContinuousArm(long n, double sum, double sumOfSquares) {

  public ContinuousArm {
    if (n < 0 || Double.isNaN(sum) || Double.isNaN(sumOfSquares) || sumOfSquares < 0) {
      throw new IllegalArgumentException(
          "impossible continuous arm: n=" + n + ", sum=" + sum + ", sumOfSquares=" + sumOfSquares);
    }
  }

  /** sum / n; NaN when the arm is empty. */
  public double mean() {
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The unbiased sample variance (Σx² − n·x̄²) / (n − 1); NaN below two units. The one-pass formula
   * can dip a hair below zero by rounding when all values are (nearly) equal, so it is clamped at 0.
   */
  public double sampleVariance() {
    if (n < 2) {
      return Double.NaN;
    }
    return Math.max(0.0, (sumOfSquares - sum * mean()) / (n - 1));
  }
}
