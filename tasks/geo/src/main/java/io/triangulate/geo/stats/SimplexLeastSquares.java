package io.triangulate.geo.stats;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Least squares on the probability simplex: minimise {@code ½ w'Gw − b'w} subject to {@code w ≥ 0},
 * {@code Σw = 1}, where {@code G = D D'} and {@code b = D y} come from a donor matrix D (donors ×
 * periods) and a target series y. This is the synthetic-control weight problem of Abadie, Diamond
 * and Hainmueller (2010) with an identity V matrix.
 *
 * <p>Solved by accelerated projected gradient (FISTA, Beck and Teboulle 2009) with adaptive restart
 * (O'Donoghue and Candès 2015) and the sort-based Euclidean projection onto the simplex (Duchi et al.
 * 2008), then polished: on the support the iterations found, the equality-constrained least squares
 * problem is solved exactly from its KKT system: every ten iterations once the support is stable
 * (returned as soon as it satisfies the KKT conditions, so the answer is exact to rounding), and at
 * the end, where it replaces the iterate when it is feasible and no worse. Problems of a few dozen donors take well under a millisecond.
 */
public final class SimplexLeastSquares {

  private static final int MAX_ITERATIONS = 20_000;
  private static final double STEP_TOLERANCE = 1e-9;
  private static final double SUPPORT_THRESHOLD = 1e-9;
  private static final int CHECK_EVERY = 10;

  private final double[][] gram;
  private final int n;
  private final double step;

  /** @param gram the symmetric positive semi-definite matrix G (n × n); not copied, not modified */
  public SimplexLeastSquares(double[][] gram) {
    this.gram = gram;
    this.n = gram.length;
    if (n == 0) {
      throw new IllegalArgumentException("need at least one donor");
    }
    double lipschitz = largestEigenvalue(gram);
    this.step = lipschitz > 0 ? 1.0 / lipschitz : 1.0;
  }

  /** The Gram matrix {@code D D'} of the rows of D. */
  public static double[][] gram(double[][] rows) {
    int n = rows.length;
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double s = 0;
        double[] a = rows[i];
        double[] c = rows[j];
        for (int t = 0; t < a.length; t++) {
          s += a[t] * c[t];
        }
        g[i][j] = s;
        g[j][i] = s;
      }
    }
    return g;
  }

  /** The vector {@code D y}. */
  public static double[] crossProduct(double[][] rows, double[] y) {
    double[] b = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double s = 0;
      for (int t = 0; t < y.length; t++) {
        s += rows[i][t] * y[t];
      }
      b[i] = s;
    }
    return b;
  }

  /** Solves from the uniform starting point. */
  public double[] solve(double[] b) {
    double[] start = new double[n];
    Arrays.fill(start, 1.0 / n);
    return solve(b, start);
  }

  /** Solves from a given feasible (or to-be-projected) starting point, e.g. a neighbouring solution. */
  public double[] solve(double[] b, double[] start) {
    double[] w = projectOntoSimplex(start);
    double[] y = w.clone();
    double[] grad = new double[n];
    double[] next = new double[n];
    double momentum = 1.0;
    int[] lastSupport = null;
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      gradient(y, b, grad);
      for (int i = 0; i < n; i++) {
        next[i] = y[i] - step * grad[i];
      }
      double[] projected = projectOntoSimplex(next);
      double change = 0;
      double restart = 0;
      for (int i = 0; i < n; i++) {
        change = Math.max(change, Math.abs(projected[i] - w[i]));
        restart += (y[i] - projected[i]) * (projected[i] - w[i]);
      }
      double nextMomentum = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
      double beta = (momentum - 1) / nextMomentum;
      if (restart > 0) { // the momentum points uphill: drop it
        nextMomentum = 1.0;
        beta = 0;
      }
      for (int i = 0; i < n; i++) {
        y[i] = projected[i] + beta * (projected[i] - w[i]);
      }
      w = projected;
      momentum = nextMomentum;
      if (change < STEP_TOLERANCE) {
        break;
      }
      if (iter % CHECK_EVERY == CHECK_EVERY - 1) {
        // The projection zeroes weights exactly, so the support settles long before the weights
        // converge: once it is stable, the exact solution on it ends the iterations if it is optimal.
        int[] support = support(w, 0);
        if (Arrays.equals(support, lastSupport)) {
          double[] exact = equalityConstrained(support, b);
          if (exact != null && isOptimal(exact, support, b)) {
            return exact;
          }
        }
        lastSupport = support;
      }
    }
    return polish(w, b);
  }

  /**
   * KKT conditions of the simplex problem: w ≥ 0 on the support and, with ν the common value of
   * −∇f on it, every off-support gradient {@code ∇f_j ≥ −ν}. Sufficient for a minimum (convexity).
   */
  private boolean isOptimal(double[] w, int[] support, double[] b) {
    double[] g = new double[n];
    gradient(w, b, g);
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(b[i]));
      scale = Math.max(scale, Math.abs(g[i]));
    }
    double tolerance = 1e-10 * (1 + scale);
    double nu = -g[support[0]];
    boolean[] in = new boolean[n];
    for (int i : support) {
      if (w[i] < 0) {
        return false;
      }
      in[i] = true;
    }
    for (int i = 0; i < n; i++) {
      if (!in[i] && g[i] < -nu - tolerance) {
        return false;
      }
    }
    return true;
  }

  private int[] support(double[] w, double threshold) {
    int[] support = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] > threshold) {
        support[k++] = i;
      }
    }
    return Arrays.copyOf(support, k);
  }

  /** {@code ½ w'Gw − b'w}. */
  public double objective(double[] w, double[] b) {
    double quad = 0;
    double lin = 0;
    for (int i = 0; i < n; i++) {
      double gi = 0;
      for (int j = 0; j < n; j++) {
        gi += gram[i][j] * w[j];
      }
      quad += w[i] * gi;
      lin += b[i] * w[i];
    }
    return 0.5 * quad - lin;
  }

  private void gradient(double[] w, double[] b, double[] out) {
    for (int i = 0; i < n; i++) {
      double s = -b[i];
      double[] row = gram[i];
      for (int j = 0; j < n; j++) {
        s += row[j] * w[j];
      }
      out[i] = s;
    }
  }

  /**
   * On the support of w, solves {@code G_SS w_S + ν1 = b_S, 1'w_S = 1}: the exact minimiser when the
   * support is right. Kept only when it is strictly inside the simplex face and does not raise the
   * objective (a singular or wrong support leaves the iterate as it was).
   */
  private double[] polish(double[] w, double[] b) {
    double[] exact = equalityConstrained(support(w, SUPPORT_THRESHOLD), b);
    if (exact == null) {
      return w;
    }
    for (double v : exact) {
      if (!(v >= 0)) {
        return w;
      }
    }
    return objective(exact, b) <= objective(w, b) + 1e-14 * (1 + Math.abs(objective(w, b))) ? exact : w;
  }

  /**
   * The minimiser of {@code ½ w'Gw − b'w} subject to {@code Σw = 1} with w zero outside the support;
   * null when the KKT system is singular. Also used by tests to enumerate every face of the simplex.
   */
  public double[] equalityConstrained(int[] support, double[] b) {
    int k = support.length;
    if (k == 0) {
      return null;
    }
    double[][] kkt = new double[k + 1][k + 1];
    double[] rhs = new double[k + 1];
    for (int a = 0; a < k; a++) {
      for (int c = 0; c < k; c++) {
        kkt[a][c] = gram[support[a]][support[c]];
      }
      kkt[a][k] = 1;
      kkt[k][a] = 1;
      rhs[a] = b[support[a]];
    }
    rhs[k] = 1;
    try {
      LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(kkt, false), 1e-13);
      RealVector x = lu.getSolver().solve(new ArrayRealVector(rhs, false));
      double[] out = new double[n];
      for (int a = 0; a < k; a++) {
        out[support[a]] = x.getEntry(a);
      }
      return out;
    } catch (SingularMatrixException e) {
      return null;
    }
  }

  /** Euclidean projection onto {w ≥ 0, Σw = 1} (Duchi, Shalev-Shwartz, Singer and Chandra 2008). */
  public static double[] projectOntoSimplex(double[] v) {
    int n = v.length;
    double[] u = v.clone();
    Arrays.sort(u);
    double cumulative = 0;
    double theta = 0;
    for (int j = n - 1; j >= 0; j--) { // u descending: u[n-1], u[n-2], …
      cumulative += u[j];
      int count = n - j;
      double candidate = (cumulative - 1) / count;
      if (u[j] - candidate > 0) {
        theta = candidate;
      }
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = Math.max(v[i] - theta, 0);
    }
    return w;
  }

  /** Power iteration for the largest eigenvalue of a PSD matrix, padded 1% for a safe step. */
  private static double largestEigenvalue(double[][] g) {
    int n = g.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1.0 + 0.01 * i; // not orthogonal to the leading eigenvector in practice
    }
    double lambda = 0;
    double[] y = new double[n];
    for (int iter = 0; iter < 200; iter++) {
      double norm = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += g[i][j] * x[j];
        }
        y[i] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        return 0;
      }
      double previous = lambda;
      double xNorm = 0;
      for (double v : x) {
        xNorm += v * v;
      }
      lambda = norm / Math.sqrt(xNorm);
      for (int i = 0; i < n; i++) {
        x[i] = y[i] / norm;
      }
      if (Math.abs(lambda - previous) <= 1e-9 * lambda) {
        break;
      }
    }
    // The power iterate underestimates; the trace bounds from above. Pad toward safety.
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += g[i][i];
    }
    return Math.min(lambda * 1.05, trace);
  }
}
