package io.triangulate.uplift.model;

import java.util.Arrays;
import java.util.stream.IntStream;
import smile.base.cart.Loss;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Fits the nuisance models of the meta-learners on plain arrays. Rows are {@code x[i]} (all of the
 * same length p); nothing here reads files or the warehouse. Smile draws its boosting subsamples
 * from {@link MathEx}'s generator, which is re-seeded with {@code seed} right before every fit, so
 * the same inputs and seed give the same model.
 */
public final class BaseModels {

  private static final String TARGET = "target";

  private BaseModels() {}

  /** P(y = 1 | x) for a 0/1 target. A target that is all 0 or all 1 gives that constant. */
  public static Predictor classifier(double[][] x, int[] y, BaseModel base, long seed) {
    check(x, y.length);
    long ones = Arrays.stream(y).filter(v -> v == 1).count();
    if (ones == 0 || ones == y.length) {
      double p = ones == 0 ? 0.0 : 1.0;
      return rows -> constant(rows.length, p);
    }
    if (base.family() == BaseModel.Family.LOGISTIC) {
      LogisticRegression.Binomial model = LogisticRegression.binomial(x, y, base.lambda(), 1e-10, 2000);
      return rows -> {
        double[] out = new double[rows.length];
        double[] posterior = new double[2];
        for (int i = 0; i < rows.length; i++) {
          model.predict(rows[i], posterior);
          out[i] = posterior[1];
        }
        return out;
      };
    }
    String[] names = names(x[0].length);
    DataFrame frame = DataFrame.of(x, names).merge(IntVector.of(TARGET, y));
    MathEx.setSeed(seed);
    GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs(TARGET), frame, base.trees(), base.maxDepth(),
        base.maxNodes(), base.nodeSize(), base.shrinkage(), base.subsample());
    return rows -> {
      DataFrame data = DataFrame.of(rows, names);
      double[] out = new double[rows.length];
      blocks(rows.length, (from, to) -> {
        double[] posterior = new double[2];
        for (int i = from; i < to; i++) {
          model.predict(data.get(i), posterior);
          out[i] = posterior[1];
        }
      });
      return out;
    };
  }

  /** E[y | x] for a continuous target: boosting with squared loss, or ordinary least squares. */
  public static Predictor regressor(double[][] x, double[] y, BaseModel base, long seed) {
    check(x, y.length);
    if (base.family() == BaseModel.Family.LOGISTIC) {
      double[] beta = leastSquares(x, y, base.lambda());
      return rows -> {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          double v = beta[0];
          for (int j = 0; j < rows[i].length; j++) {
            v += beta[j + 1] * rows[i][j];
          }
          out[i] = v;
        }
        return out;
      };
    }
    String[] names = names(x[0].length);
    DataFrame frame = DataFrame.of(x, names).merge(DoubleVector.of(TARGET, y));
    MathEx.setSeed(seed);
    smile.regression.GradientTreeBoost model = smile.regression.GradientTreeBoost.fit(Formula.lhs(TARGET), frame,
        Loss.ls(), base.trees(), base.maxDepth(), base.maxNodes(), base.nodeSize(), base.shrinkage(), base.subsample());
    return rows -> {
      DataFrame data = DataFrame.of(rows, names);
      double[] out = new double[rows.length];
      blocks(rows.length, (from, to) -> {
        for (int i = from; i < to; i++) {
          Tuple row = data.get(i);
          out[i] = model.predict(row);
        }
      });
      return out;
    };
  }

  /**
   * Least squares with an intercept (unpenalised) and an L2 penalty {@code lambda} on the slopes,
   * by the normal equations and a Cholesky factorisation; p is a handful of features, so the p×p
   * system is cheap whatever n is. Returns {intercept, slopes...}. A tiny ridge (1e-9 × trace/p)
   * keeps collinear designs solvable.
   */
  static double[] leastSquares(double[][] x, double[] y, double lambda) {
    int p = x[0].length + 1;
    double[][] a = new double[p][p];
    double[] b = new double[p];
    double[] z = new double[p];
    z[0] = 1;
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, z, 1, p - 1);
      for (int j = 0; j < p; j++) {
        b[j] += z[j] * y[i];
        for (int k = 0; k <= j; k++) {
          a[j][k] += z[j] * z[k];
        }
      }
    }
    double trace = 0;
    for (int j = 0; j < p; j++) {
      trace += a[j][j];
    }
    for (int j = 0; j < p; j++) {
      a[j][j] += 1e-9 * trace / p + (j > 0 ? lambda : 0);
      for (int k = j + 1; k < p; k++) {
        a[j][k] = a[k][j];
      }
    }
    // Cholesky a = L Lᵀ, then forward and back substitution.
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k <= j; k++) {
        double s = a[j][k];
        for (int m = 0; m < k; m++) {
          s -= l[j][m] * l[k][m];
        }
        l[j][k] = j == k ? Math.sqrt(Math.max(s, 1e-300)) : s / l[k][k];
      }
    }
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      double s = b[j];
      for (int m = 0; m < j; m++) {
        s -= l[j][m] * w[m];
      }
      w[j] = s / l[j][j];
    }
    double[] beta = new double[p];
    for (int j = p - 1; j >= 0; j--) {
      double s = w[j];
      for (int m = j + 1; m < p; m++) {
        s -= l[m][j] * beta[m];
      }
      beta[j] = s / l[j][j];
    }
    return beta;
  }

  /** A range of rows [from, to). */
  private interface Block {
    void run(int from, int to);
  }

  /** Runs {@code body} over blocks of 16,384 rows, in parallel: tree predictions only read the model. */
  private static void blocks(int n, Block body) {
    int size = 1 << 14;
    IntStream.range(0, (n + size - 1) / size).parallel()
        .forEach(b -> body.run(b * size, Math.min(n, (b + 1) * size)));
  }

  private static void check(double[][] x, int n) {
    if (x.length == 0 || x.length != n) {
      throw new IllegalArgumentException("need ≥ 1 row and one target per row, got " + x.length + " rows and " + n
          + " targets");
    }
  }

  private static String[] names(int p) {
    String[] names = new String[p];
    for (int j = 0; j < p; j++) {
      names[j] = "x" + j;
    }
    return names;
  }

  private static double[] constant(int n, double value) {
    double[] out = new double[n];
    Arrays.fill(out, value);
    return out;
  }
}
