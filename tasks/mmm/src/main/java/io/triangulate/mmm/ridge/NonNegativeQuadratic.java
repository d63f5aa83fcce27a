package io.triangulate.mmm.ridge;

/**
 * Minimises {@code ½ bᵀQb − qᵀb} for symmetric positive definite {@code Q} subject to
 * {@code b_j ≥ 0} for the flagged coordinates, by the Lawson–Hanson active-set method generalised
 * to a partly constrained problem. For the small systems of an MMM (a few dozen coefficients) this
 * is exact to rounding and faster than coordinate descent, whose speed degrades with collinearity
 * and small penalties.
 */
public final class NonNegativeQuadratic {

  private static final double TOLERANCE = 1e-12;

  private NonNegativeQuadratic() {}

  public static double[] solve(double[][] q2, double[] q1, boolean[] nonNegative) {
    int p = q1.length;
    boolean[] free = new boolean[p];
    for (int j = 0; j < p; j++) {
      free[j] = !nonNegative[j];
    }
    double[] b = solveFree(q2, q1, free);
    double scale = 0;
    for (double v : q1) {
      scale = Math.max(scale, Math.abs(v));
    }
    double tolerance = TOLERANCE * Math.max(1, scale);
    for (int outer = 0; outer < 10 * p + 10; outer++) {
      int enter = -1;
      double best = tolerance;
      for (int j = 0; j < p; j++) {
        if (nonNegative[j] && !free[j]) {
          double gradient = q1[j];
          for (int k = 0; k < p; k++) {
            gradient -= q2[j][k] * b[k];
          }
          if (gradient > best) {
            best = gradient;
            enter = j;
          }
        }
      }
      if (enter < 0) {
        return b;
      }
      free[enter] = true;
      for (int inner = 0; inner < 10 * p + 10; inner++) {
        double[] z = solveFree(q2, q1, free);
        double step = 1;
        for (int j = 0; j < p; j++) {
          if (nonNegative[j] && free[j] && z[j] <= 0) {
            double denominator = b[j] - z[j];
            step = Math.min(step, denominator <= 0 ? 0 : b[j] / denominator);
          }
        }
        if (step >= 1) {
          b = z;
          break;
        }
        for (int j = 0; j < p; j++) {
          b[j] += step * (z[j] - b[j]);
        }
        for (int j = 0; j < p; j++) {
          if (nonNegative[j] && free[j] && b[j] <= tolerance) {
            free[j] = false;
            b[j] = 0;
          }
        }
      }
    }
    return b;
  }

  /** Solves {@code Q_FF b_F = q_F} with {@code b} zero outside {@code F}, by Cholesky. */
  static double[] solveFree(double[][] q2, double[] q1, boolean[] free) {
    int p = q1.length;
    int[] index = new int[p];
    int m = 0;
    for (int j = 0; j < p; j++) {
      if (free[j]) {
        index[m++] = j;
      }
    }
    double[] b = new double[p];
    if (m == 0) {
      return b;
    }
    double[][] l = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = q2[index[i]][index[j]];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (sum <= 0) {
            throw new IllegalStateException("ridge system is not positive definite; increase the penalty");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double sum = q1[index[i]];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    for (int i = m - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < m; k++) {
        sum -= l[k][i] * b[index[k]];
      }
      b[index[i]] = sum / l[i][i];
    }
    return b;
  }
}
