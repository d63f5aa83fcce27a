package io.triangulate.experiments.stats;

/**
 * Per-unit sums for a ratio metric Σnum / Σden in one arm (revenue per order: num = revenue, den =
 * orders, units = members; orders per member exposed: den = 1). The unit of randomisation is the
 * unit of these sums, so the delta method gives the ratio's variance honestly.
 *
 * @param n units
 * @param sumNum Σ num
 * @param sumDen Σ den
 * @param sumNum2 Σ num²
 * @param sumDen2 Σ den²
 * @param sumNumDen Σ num·den
 */
public record RatioArm(long n, double sumNum, double sumDen, double sumNum2, double sumDen2, double sumNumDen) {

  public RatioArm {
    if (n < 0 || !Double.isFinite(sumNum) || !Double.isFinite(sumDen) || !Double.isFinite(sumNum2)
        || !Double.isFinite(sumDen2) || !Double.isFinite(sumNumDen) || sumNum2 < 0 || sumDen2 < 0) {
      throw new IllegalArgumentException(
          "impossible ratio arm: n=" + n + ", sumNum=" + sumNum + ", sumDen=" + sumDen + ", sumNum2=" + sumNum2
              + ", sumDen2=" + sumDen2 + ", sumNumDen=" + sumNumDen);
    }
  }
}
