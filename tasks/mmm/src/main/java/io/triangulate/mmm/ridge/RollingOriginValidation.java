package io.triangulate.mmm.ridge;

import io.triangulate.mmm.model.Metrics;

/**
 * Time-series cross-validation with a rolling origin: fold {@code k} trains on periods
 * {@code 0 … origin_k − 1} and predicts the next {@code horizon} periods, with
 * {@code origin_k = n − (folds − k)·horizon}. Out-of-sample predictions of all folds are pooled
 * for R², MAE, RMSE and MAPE.
 *
 * <p>Hyperparameters (adstock, saturation, penalty) stay at the values chosen on the full data and
 * only the coefficients are refitted, so the scores are slightly optimistic about the search
 * itself; re-running the search inside every fold would cost {@code folds}× the search.
 * Transformed media use the whole spend history, which is known in advance and is not the target.
 */
public final class RollingOriginValidation {

  /** Pooled out-of-sample scores. */
  public record Scores(int folds, int horizon, int firstOrigin, double rSquared, double mae, double rmse, double mape) {}

  private RollingOriginValidation() {}

  /**
   * Fold layout for {@code n} periods: {@code folds} folds of {@code horizon} periods each,
   * shrinking the horizon (down to 1) if the first training window would be shorter than
   * {@code minTrain}.
   */
  public static int[] layout(int n, int folds, int horizon, int minTrain) {
    int h = horizon;
    while (h > 1 && n - folds * h < minTrain) {
      h--;
    }
    if (n - folds * h < minTrain) {
      throw new IllegalArgumentException("too few periods (" + n + ") for " + folds + " validation folds");
    }
    return new int[] {folds, h, n - folds * h};
  }

  public static Scores run(double[][] design, double[] y, double lambda, boolean[] nonNegative, int folds, int horizon, int minTrain) {
    int n = y.length;
    int[] layout = layout(n, folds, horizon, minTrain);
    int h = layout[1];
    int first = layout[2];
    double[] actual = new double[folds * h];
    double[] predicted = new double[folds * h];
    int i = 0;
    for (int k = 0; k < folds; k++) {
      int origin = first + k * h;
      RidgeRegression.Solution solution = RidgeRegression.fit(design, y, 0, origin, lambda, nonNegative);
      for (int t = origin; t < origin + h; t++) {
        actual[i] = y[t];
        predicted[i] = solution.predict(design, t);
        i++;
      }
    }
    return new Scores(folds, h, first, Metrics.rSquared(actual, predicted), Metrics.mae(actual, predicted),
        Metrics.rmse(actual, predicted), Metrics.mape(actual, predicted));
  }
}
