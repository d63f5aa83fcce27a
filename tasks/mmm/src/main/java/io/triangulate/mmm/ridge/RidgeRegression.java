package io.triangulate.mmm.ridge;

/**
 * Ridge regression with an unpenalised intercept and non-negativity on chosen coefficients.
 *
 * <p>On rows {@code from … to−1}, with columns standardised to mean 0 and standard deviation 1 and
 * the target standardised likewise, it minimises
 * {@code (1/2m)·Σ(ỹ − Z b̃)² + (λ/2)·Σ b̃²}, so {@code λ} means the same whatever the units; it then
 * returns coefficients in the original units. Standardising by a positive factor keeps the sign of
 * each coefficient, so the constraint carries over. A column that is constant on the rows gets
 * coefficient 0.
 */
public final class RidgeRegression {

  /** Intercept and coefficients in the original units. */
  public record Solution(double intercept, double[] coefficients) {

    public double predict(double[][] columns, int t) {
      double value = intercept;
      for (int j = 0; j < coefficients.length; j++) {
        value += coefficients[j] * columns[j][t];
      }
      return value;
    }
  }

  private RidgeRegression() {}

  public static Solution fit(
      double[][] columns, double[] y, int from, int to, double lambda, boolean[] nonNegative) {
    int p = columns.length;
    int m = to - from;
    double yMean = 0;
    for (int t = from; t < to; t++) {
      yMean += y[t];
    }
    yMean /= m;
    double ySs = 0;
    for (int t = from; t < to; t++) {
      double d = y[t] - yMean;
      ySs += d * d;
    }
    double ySd = Math.sqrt(ySs / m);
    if (ySd == 0) {
      ySd = 1;
    }
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int j = 0; j < p; j++) {
      double[] x = columns[j];
      double s = 0;
      for (int t = from; t < to; t++) {
        s += x[t];
      }
      mean[j] = s / m;
      double ss = 0;
      for (int t = from; t < to; t++) {
        double d = x[t] - mean[j];
        ss += d * d;
      }
      sd[j] = Math.sqrt(ss / m);
    }
    boolean[] active = new boolean[p];
    for (int j = 0; j < p; j++) {
      active[j] = sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j]));
    }
    double[][] q2 = new double[p][p];
    double[] q1 = new double[p];
    for (int j = 0; j < p; j++) {
      if (!active[j]) {
        q2[j][j] = 1;
        continue;
      }
      double[] xj = columns[j];
      double cross = 0;
      for (int t = from; t < to; t++) {
        cross += (xj[t] - mean[j]) * (y[t] - yMean);
      }
      q1[j] = cross / (m * sd[j] * ySd);
      for (int k = 0; k <= j; k++) {
        if (!active[k]) {
          continue;
        }
        double[] xk = columns[k];
        double s = 0;
        for (int t = from; t < to; t++) {
          s += (xj[t] - mean[j]) * (xk[t] - mean[k]);
        }
        double value = s / (m * sd[j] * sd[k]);
        q2[j][k] = value;
        q2[k][j] = value;
      }
      q2[j][j] += lambda;
    }
    double[] standardised = NonNegativeQuadratic.solve(q2, q1, nonNegative);
    double[] coefficients = new double[p];
    double intercept = yMean;
    for (int j = 0; j < p; j++) {
      if (active[j]) {
        coefficients[j] = standardised[j] * ySd / sd[j];
        intercept -= coefficients[j] * mean[j];
      }
    }
    return new Solution(intercept, coefficients);
  }
}
