package io.triangulate.uplift.insights;

import smile.stat.distribution.GaussianDistribution;

/** Binomial intervals and tests the insights use: Wilson intervals, differences of rates, Holm. */
final class Proportions {

  static final double Z95 = 1.959963984540054;

  private Proportions() {}

  /** Wilson score interval of x successes in n at z; {NaN, NaN} when n = 0. */
  static double[] wilson(long x, long n, double z) {
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double p = (double) x / n;
    double z2 = z * z;
    double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  static double rate(long x, long n) {
    return n == 0 ? Double.NaN : (double) x / n;
  }

  /** Unpooled standard error of a rate difference: √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂). */
  static double differenceSe(long x1, long n1, long x2, long n2) {
    double p1 = rate(x1, n1);
    double p2 = rate(x2, n2);
    return Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
  }

  /** Two-sided normal p-value of estimate/se; NaN when se is 0 or undefined. */
  static double pValue(double estimate, double se) {
    if (!(se > 0) || !Double.isFinite(estimate)) {
      return Double.NaN;
    }
    return 2 * (1 - GaussianDistribution.getInstance().cdf(Math.abs(estimate / se)));
  }

  /** Holm's step-down adjustment (NaN p-values stay NaN and do not count as tests). */
  static double[] holm(double[] p) {
    Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted(java.util.Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
    double[] adjusted = new double[p.length];
    java.util.Arrays.fill(adjusted, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int r = 0; r < m; r++) {
      running = Math.max(running, Math.min(1, (m - r) * p[order[r]]));
      adjusted[order[r]] = running;
    }
    return adjusted;
  }
}
