package io.triangulate.experiments.stats;

/**
 * Sufficient statistics of an outcome y and a pre-period covariate x (e.g. the member's orders in
 * the 28 days before first exposure) in one arm: what regression adjustment (CUPED) needs, and what
 * SQL can aggregate ({@code count(*), sum(y), sum(y*y), sum(x), sum(x*x), sum(x*y)}).
 *
 * @param n units
 * @param sumY Σy
 * @param sumY2 Σy²
 * @param sumX Σx
 * @param sumX2 Σx²
 * @param sumXY Σxy
 */
public record CovariateArm(long n, double sumY, double sumY2, double sumX, double sumX2, double sumXY) {

  public CovariateArm {
    if (n < 0 || !Double.isFinite(sumY) || !Double.isFinite(sumY2) || !Double.isFinite(sumX)
        || !Double.isFinite(sumX2) || !Double.isFinite(sumXY) || sumY2 < 0 || sumX2 < 0) {
      throw new IllegalArgumentException(
          "impossible covariate arm: n=" + n + ", sumY=" + sumY + ", sumY2=" + sumY2 + ", sumX=" + sumX
              + ", sumX2=" + sumX2 + ", sumXY=" + sumXY);
    }
  }

  /** The outcome alone, for the unadjusted comparison. */
  public ContinuousArm outcome() {
    return new ContinuousArm(n, sumY, sumY2);
  }

  /** The covariate alone. */
  public ContinuousArm covariate() {
    return new ContinuousArm(n, sumX, sumX2);
  }

  /** Σ(y − ȳ)²; 0 for an empty arm. Clamped at 0 against one-pass rounding. */
  double centredYY() {
    return n == 0 ? 0.0 : Math.max(0.0, sumY2 - sumY * sumY / n);
  }

  /** Σ(x − x̄)²; 0 for an empty arm. Clamped at 0 against one-pass rounding. */
  double centredXX() {
    return n == 0 ? 0.0 : Math.max(0.0, sumX2 - sumX * sumX / n);
  }

  /** Σ(x − x̄)(y − ȳ); 0 for an empty arm. */
  double centredXY() {
    return n == 0 ? 0.0 : sumXY - sumX * sumY / n;
  }
}
