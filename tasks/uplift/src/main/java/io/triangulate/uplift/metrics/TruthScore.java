package io.triangulate.uplift.metrics;

/**
 * Scores predicted uplift against each member's known true uplift (a simulator or a synthetic
 * population knows it): Pearson correlation, and the true incremental outcomes the "top k%" policy
 * captures (sum of true uplift over the ⌊n·k⌋ members ranked first by prediction) against random
 * targeting at the same reach (⌊n·k⌋ × mean true uplift, its expectation) and against the oracle
 * (the ⌊n·k⌋ largest true uplifts).
 */
public final class TruthScore {

  private TruthScore() {}

  public record Result(
      double correlation, int reach, double captured, double random, double oracle, double gainOverRandom) {}

  public static Result of(double[] predicted, double[] trueUplift, double share) {
    int n = predicted.length;
    if (trueUplift.length != n || n < 2) {
      throw new IllegalArgumentException("need ≥ 2 rows and one true uplift per prediction");
    }
    int size = (int) (n * share);
    int[] byPrediction = UpliftMetrics.ranking(predicted);
    int[] byTruth = UpliftMetrics.ranking(trueUplift);
    double captured = 0;
    double oracle = 0;
    for (int i = 0; i < size; i++) {
      captured += trueUplift[byPrediction[i]];
      oracle += trueUplift[byTruth[i]];
    }
    double mean = 0;
    for (double v : trueUplift) {
      mean += v;
    }
    mean /= n;
    double random = size * mean;
    return new Result(pearson(predicted, trueUplift), size, captured, random, oracle, captured / random - 1);
  }

  public static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
