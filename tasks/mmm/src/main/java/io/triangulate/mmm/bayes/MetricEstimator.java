package io.triangulate.mmm.bayes;

/**
 * Running (Welford) mean and covariance of warm-up draws, turned into a dense metric. The estimate
 * is shrunk towards its own diagonal with weight {@code d/(n+d)}, so short windows with few draws
 * per dimension fall back to a near-diagonal metric instead of a noisy dense one, plus Stan's small
 * ridge {@code 10⁻³·5/(n+5)} to keep it positive definite.
 */
final class MetricEstimator {

  private final int dimension;
  private int count;
  private final double[] mean;
  private final double[][] m2;

  MetricEstimator(int dimension) {
    this.dimension = dimension;
    this.mean = new double[dimension];
    this.m2 = new double[dimension][dimension];
  }

  void add(double[] x) {
    count++;
    double[] delta = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      delta[i] = x[i] - mean[i];
      mean[i] += delta[i] / count;
    }
    for (int i = 0; i < dimension; i++) {
      double after = x[i] - mean[i];
      for (int j = 0; j <= i; j++) {
        m2[i][j] += after * delta[j];
      }
    }
  }

  int count() {
    return count;
  }

  void reset() {
    count = 0;
    java.util.Arrays.fill(mean, 0);
    for (double[] row : m2) {
      java.util.Arrays.fill(row, 0);
    }
  }

  /** Regularised covariance estimate. */
  double[][] covariance() {
    int n = count;
    double[][] cov = new double[dimension][dimension];
    double shrink = (double) dimension / (n + dimension);
    double ridge = 1e-3 * 5.0 / (n + 5.0);
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j <= i; j++) {
        double sample = n > 1 ? m2[i][j] / (n - 1) : (i == j ? 1 : 0);
        double value = i == j ? sample : (1 - shrink) * sample;
        value *= n / (n + 5.0);
        cov[i][j] = value;
        cov[j][i] = value;
      }
      cov[i][i] += ridge;
    }
    return cov;
  }
}
