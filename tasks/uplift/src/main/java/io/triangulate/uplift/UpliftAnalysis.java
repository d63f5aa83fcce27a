package io.triangulate.uplift;

import io.triangulate.uplift.data.UpliftTable;
import io.triangulate.uplift.metrics.TargetingPolicy;
import io.triangulate.uplift.metrics.UpliftMetrics;
import io.triangulate.uplift.model.BaseModel;
import io.triangulate.uplift.model.Learner;
import io.triangulate.uplift.model.SeededShuffle;
import io.triangulate.uplift.model.UpliftLearners;
import io.triangulate.uplift.model.UpliftModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One uplift study on a table in memory: a seeded train/holdout split, a learner fitted on the
 * training rows, and every metric on the holdout (Qini coefficient, AUUC, uplift@k, deciles, the
 * Qini curve at each percent of reach, the top-k policy with its CI). Pure apart from the progress
 * lines it hands to {@code progress}.
 */
public final class UpliftAnalysis {

  private UpliftAnalysis() {}

  public record Settings(Learner learner, BaseModel base, double testShare, long seed, double topK) {
    public Settings {
      if (!(testShare > 0 && testShare < 1)) {
        throw new IllegalArgumentException("test share must be in (0, 1), got " + testShare);
      }
      if (!(topK > 0 && topK < 1)) {
        throw new IllegalArgumentException("top k must be in (0, 1), got " + topK);
      }
    }
  }

  /** A point of the Qini curve after targeting {@code share} of the holdout ({@code n} rows). */
  public record CurvePoint(double share, int n, double qini, double random) {}

  public record Result(
      Settings settings, boolean[] isTest, double[] upliftAll, int trainRows, int testRows, double qini, double auuc,
      double upliftAtK, List<UpliftMetrics.Bin> deciles, List<CurvePoint> qiniCurve, TargetingPolicy.Result policy,
      UpliftModel model) {}

  /**
   * The holdout: a seeded Fisher–Yates shuffle of the row indices (SplittableRandom(seed)); the first
   * round(n·share) shuffled rows are the test rows.
   */
  public static boolean[] holdout(int n, double share, long seed) {
    int[] order = SeededShuffle.permutation(n, seed);
    boolean[] test = new boolean[n];
    long size = Math.round(n * share);
    for (int i = 0; i < size; i++) {
      test[order[i]] = true;
    }
    return test;
  }

  public static Result run(UpliftTable table, Settings s, Consumer<String> progress) {
    int n = table.size();
    boolean[] isTest = holdout(n, s.testShare(), s.seed());
    int testRows = 0;
    for (boolean b : isTest) {
      testRows += b ? 1 : 0;
    }
    int trainRows = n - testRows;
    double[][] xTrain = new double[trainRows][];
    int[] tTrain = new int[trainRows];
    int[] yTrain = new int[trainRows];
    double[][] xTest = new double[testRows][];
    int[] tTest = new int[testRows];
    int[] yTest = new int[testRows];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (isTest[i]) {
        xTest[b] = table.x()[i];
        tTest[b] = table.t()[i];
        yTest[b++] = table.y()[i];
      } else {
        xTrain[a] = table.x()[i];
        tTrain[a] = table.t()[i];
        yTrain[a++] = table.y()[i];
      }
    }
    checkArms(tTrain, "training");
    checkArms(tTest, "holdout");
    progress.accept("fitting the " + s.learner().label() + " (" + s.base().family().name().toLowerCase() + ") on "
        + trainRows + " training rows");
    UpliftModel model = UpliftLearners.fit(s.learner(), xTrain, tTrain, yTrain, s.base(), s.seed(), progress);
    progress.accept("scoring " + n + " rows");
    double[] upliftAll = model.predict(table.x());
    double[] u = new double[testRows];
    b = 0;
    for (int i = 0; i < n; i++) {
      if (isTest[i]) {
        u[b++] = upliftAll[i];
      }
    }
    return evaluate(s, isTest, upliftAll, trainRows, yTest, u, tTest, n, model);
  }

  /** The holdout metrics of predictions {@code u}; {@code population} scales the policy's reach. */
  static Result evaluate(Settings s, boolean[] isTest, double[] upliftAll, int trainRows, int[] y, double[] u, int[] t,
      long population, UpliftModel model) {
    double qini = UpliftMetrics.qiniCoefficient(y, u, t);
    double auuc = UpliftMetrics.auuc(y, u, t);
    double atK = UpliftMetrics.upliftAtK(y, u, t, s.topK());
    List<UpliftMetrics.Bin> deciles = UpliftMetrics.bins(y, u, t, 10);
    int[] order = UpliftMetrics.ranking(u);
    double end = UpliftMetrics.qiniAt(y, t, order, y.length);
    List<CurvePoint> curve = new ArrayList<>();
    for (int pct = 0; pct <= 100; pct++) {
      int k = (int) Math.round(y.length * pct / 100.0);
      curve.add(new CurvePoint(pct / 100.0, k, UpliftMetrics.qiniAt(y, t, order, k), end * k / y.length));
    }
    TargetingPolicy.Result policy = TargetingPolicy.evaluate(y, u, t, s.topK(), population, 1.96);
    return new Result(s, isTest, upliftAll, trainRows, y.length, qini, auuc, atK, deciles, curve, policy, model);
  }

  private static void checkArms(int[] t, String which) {
    int treated = 0;
    for (int v : t) {
      treated += v;
    }
    if (treated == 0 || treated == t.length) {
      throw new IllegalArgumentException("the " + which + " rows have no " + (treated == 0 ? "treated" : "control")
          + " member; use more data or another --test-share");
    }
  }
}
