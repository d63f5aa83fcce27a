package io.triangulate.uplift.insights;

import java.util.HashMap;
import java.util.Map;

/**
 * Weighted ridge regression with group fixed effects and HC0 (sandwich) intervals: y and every
 * column of x are centred within each group (the weighted within transformation, so a campaign's
 * own level never loads on a feature), then β = (X'WX + λI)⁻¹X'Wy and
 * Cov(β) = A⁻¹ (Σ w²e²xx') A⁻¹ with A = X'WX + λI. The penalty shrinks the features that the
 * few creatives of a world cannot separate, and the sandwich keeps the intervals honest when the
 * weights (1 / the cell's sampling variance) are only approximate.
 */
final class WeightedRidge {

  record Fit(double[] beta, double[] se) {}

  private WeightedRidge() {}

  static Fit fit(double[][] x, double[] y, double[] w, String[] group, double lambda) {
    int n = y.length;
    int p = x.length == 0 ? 0 : x[0].length;
    double[][] xc = new double[n][p];
    double[] yc = new double[n];
    Map<String, double[]> sums = new HashMap<>();
    for (int i = 0; i < n; i++) {
      double[] s = sums.computeIfAbsent(group[i], g -> new double[p + 2]);
      s[0] += w[i];
      s[1] += w[i] * y[i];
      for (int j = 0; j < p; j++) {
        s[j + 2] += w[i] * x[i][j];
      }
    }
    for (int i = 0; i < n; i++) {
      double[] s = sums.get(group[i]);
      yc[i] = y[i] - s[1] / s[0];
      for (int j = 0; j < p; j++) {
        xc[i][j] = x[i][j] - s[j + 2] / s[0];
      }
    }
    double[][] a = new double[p][p];
    double[] b = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        b[j] += w[i] * xc[i][j] * yc[i];
        for (int k = 0; k < p; k++) {
          a[j][k] += w[i] * xc[i][j] * xc[i][k];
        }
      }
    }
    for (int j = 0; j < p; j++) {
      a[j][j] += lambda;
    }
    double[][] inverse = invert(a);
    double[] beta = multiply(inverse, b);
    double[][] meat = new double[p][p];
    for (int i = 0; i < n; i++) {
      double e = yc[i];
      for (int j = 0; j < p; j++) {
        e -= xc[i][j] * beta[j];
      }
      double s = w[i] * w[i] * e * e;
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          meat[j][k] += s * xc[i][j] * xc[i][k];
        }
      }
    }
    double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      double v = 0;
      for (int k = 0; k < p; k++) {
        for (int l = 0; l < p; l++) {
          v += inverse[j][k] * meat[k][l] * inverse[l][j];
        }
      }
      se[j] = Math.sqrt(Math.max(0, v));
    }
    return new Fit(beta, se);
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        r[i] += m[i][j] * v[j];
      }
    }
    return r;
  }

  /** Gauss–Jordan with partial pivoting; A is symmetric positive definite here (λ > 0). */
  static double[][] invert(double[][] a) {
    int p = a.length;
    double[][] m = new double[p][2 * p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(a[i], 0, m[i], 0, p);
      m[i][p + i] = 1;
    }
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      double d = m[c][c];
      if (d == 0) {
        throw new IllegalArgumentException("singular matrix");
      }
      for (int j = 0; j < 2 * p; j++) {
        m[c][j] /= d;
      }
      for (int r = 0; r < p; r++) {
        if (r != c && m[r][c] != 0) {
          double f = m[r][c];
          for (int j = 0; j < 2 * p; j++) {
            m[r][j] -= f * m[c][j];
          }
        }
      }
    }
    double[][] inv = new double[p][p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(m[i], p, inv[i], 0, p);
    }
    return inv;
  }
}
