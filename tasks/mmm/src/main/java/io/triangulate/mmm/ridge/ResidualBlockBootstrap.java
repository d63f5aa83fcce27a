package io.triangulate.mmm.ridge;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moving-block residual bootstrap for the ridge coefficients: {@code y* = ŷ + r*}, where
 * {@code r*} strings together randomly chosen blocks of consecutive residuals (blocks keep the
 * residuals' autocorrelation, which weekly sales always have), then refits. Hyperparameters stay
 * fixed, so the spread is coefficient uncertainty given the chosen adstock and saturation, not
 * uncertainty about those shapes; ridge intervals are therefore narrower than Bayesian ones.
 */
public final class ResidualBlockBootstrap {

  private ResidualBlockBootstrap() {}

  /** Block length {@code round(n^(1/3))}, at least 2: the usual rate for block bootstraps. */
  public static int blockLength(int n) {
    return Math.max(2, (int) Math.round(Math.cbrt(n)));
  }

  public static List<RidgeRegression.Solution> run(
      double[][] design, double[] y, double[] fitted, double lambda, boolean[] nonNegative, int replicates, long seed) {
    int n = y.length;
    double[] residuals = new double[n];
    for (int t = 0; t < n; t++) {
      residuals[t] = y[t] - fitted[t];
    }
    int block = Math.min(blockLength(n), n);
    SplittableRandom random = new SplittableRandom(seed);
    List<RidgeRegression.Solution> solutions = new ArrayList<>(replicates);
    double[] resampled = new double[n];
    for (int b = 0; b < replicates; b++) {
      int t = 0;
      while (t < n) {
        int start = random.nextInt(n - block + 1);
        for (int k = 0; k < block && t < n; k++, t++) {
          resampled[t] = fitted[t] + residuals[start + k];
        }
      }
      solutions.add(RidgeRegression.fit(design, resampled, 0, n, lambda, nonNegative));
    }
    return solutions;
  }
}
