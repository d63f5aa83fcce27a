package io.triangulate.attribution.seed;

import java.util.List;

/**
 * Sufficient statistics of a least-squares fit, summed in SQL so that no row leaves the database:
 * with design matrix X (a leading column of ones, then the predictors) and response y,
 * {@code xtx = X'X}, {@code xty = X'y}, {@code yty = y'y}. {@code xtx[0][0]} is the row count.
 */
public record CrossProducts(List<String> predictors, double[][] xtx, double[] xty, double yty) {

  public CrossProducts {
    predictors = List.copyOf(predictors);
    int p = predictors.size() + 1;
    if (xtx.length != p || xty.length != p) {
      throw new IllegalArgumentException("X'X and X'y need " + p + " rows for " + predictors.size() + " predictors and an intercept");
    }
  }

  public long observations() {
    return Math.round(xtx[0][0]);
  }

  /** Accumulates rows one at a time (tests and small inputs). */
  public static CrossProducts of(List<String> predictors, double[][] x, double[] y) {
    int p = predictors.size() + 1;
    double[][] xtx = new double[p][p];
    double[] xty = new double[p];
    double yty = 0;
    for (int i = 0; i < y.length; i++) {
      double[] row = new double[p];
      row[0] = 1;
      System.arraycopy(x[i], 0, row, 1, p - 1);
      for (int a = 0; a < p; a++) {
        xty[a] += row[a] * y[i];
        for (int b = 0; b < p; b++) {
          xtx[a][b] += row[a] * row[b];
        }
      }
      yty += y[i] * y[i];
    }
    return new CrossProducts(predictors, xtx, xty, yty);
  }
}
