package io.triangulate.uplift.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Fits the meta-learners of {@link Learner} on a randomised (or unconfounded) sample: rows
 * {@code x}, arm {@code t} (1 treated, 0 control) and 0/1 outcome {@code y}. Pure: arrays in, a
 * model out; {@code progress} receives one line per nuisance model so long fits show movement.
 */
public final class UpliftLearners {

  /** Cross-fitting folds of the DR-learner. */
  public static final int DR_FOLDS = 2;
  /** Propensities are clipped to [ε, 1 − ε] before dividing by them (DR and X weights). */
  public static final double PROPENSITY_CLIP = 0.01;

  private UpliftLearners() {}

  public static UpliftModel fit(Learner learner, double[][] x, int[] t, int[] y, BaseModel base, long seed) {
    return fit(learner, x, t, y, base, seed, line -> {});
  }

  public static UpliftModel fit(
      Learner learner, double[][] x, int[] t, int[] y, BaseModel base, long seed, Consumer<String> progress) {
    validate(x, t, y);
    Predictor uplift = switch (learner) {
      case S -> sLearner(x, t, y, base, seed, progress);
      case T -> tLearner(x, t, y, base, seed, progress);
      case X -> xLearner(x, t, y, base, seed, progress);
      case DR -> drLearner(x, t, y, base, seed, progress);
    };
    return new UpliftModel(learner, base, uplift);
  }

  private static Predictor sLearner(double[][] x, int[] t, int[] y, BaseModel base, long seed, Consumer<String> progress) {
    progress.accept("S-learner: outcome model on " + x.length + " rows (features + treatment)");
    Predictor mu = BaseModels.classifier(withArm(x, t), y, base, seed);
    return rows -> {
      double[] treated = mu.predict(withArm(rows, 1));
      double[] control = mu.predict(withArm(rows, 0));
      return minus(treated, control);
    };
  }

  private static Predictor tLearner(double[][] x, int[] t, int[] y, BaseModel base, long seed, Consumer<String> progress) {
    Predictor[] mu = armModels(x, t, y, base, seed, progress, "T-learner");
    return rows -> minus(mu[1].predict(rows), mu[0].predict(rows));
  }

  private static Predictor xLearner(double[][] x, int[] t, int[] y, BaseModel base, long seed, Consumer<String> progress) {
    Predictor[] mu = armModels(x, t, y, base, seed, progress, "X-learner");
    Arm control = Arm.of(x, t, y, 0);
    Arm treated = Arm.of(x, t, y, 1);
    double[] mu0OnTreated = mu[0].predict(treated.x);
    double[] d1 = new double[treated.x.length];
    for (int i = 0; i < d1.length; i++) {
      d1[i] = treated.y[i] - mu0OnTreated[i];
    }
    double[] mu1OnControl = mu[1].predict(control.x);
    double[] d0 = new double[control.x.length];
    for (int i = 0; i < d0.length; i++) {
      d0[i] = mu1OnControl[i] - control.y[i];
    }
    progress.accept("X-learner: effect models on the treated (" + d1.length + " rows) and the controls ("
        + d0.length + " rows)");
    Predictor[] tau = both(() -> BaseModels.regressor(treated.x, d1, base, seed + 3),
        () -> BaseModels.regressor(control.x, d0, base, seed + 4));
    Predictor tau1 = tau[0];
    Predictor tau0 = tau[1];
    progress.accept("X-learner: propensity model on " + x.length + " rows");
    Predictor g = BaseModels.classifier(x, t, base, seed + 5);
    return rows -> {
      double[] a = tau0.predict(rows);
      double[] b = tau1.predict(rows);
      double[] p = g.predict(rows);
      double[] out = new double[rows.length];
      for (int i = 0; i < out.length; i++) {
        double w = clip(p[i]);
        out[i] = w * a[i] + (1 - w) * b[i];
      }
      return out;
    };
  }

  private static Predictor drLearner(double[][] x, int[] t, int[] y, BaseModel base, long seed, Consumer<String> progress) {
    int n = x.length;
    int[] fold = folds(n, DR_FOLDS, seed);
    double[] phi = new double[n];
    for (int k = 0; k < DR_FOLDS; k++) {
      List<Integer> in = new ArrayList<>();
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        (fold[i] == k ? out : in).add(i);
      }
      double[][] xi = rows(x, in);
      int[] ti = ints(t, in);
      int[] yi = ints(y, in);
      double[][] xo = rows(x, out);
      Predictor[] mu = armModels(xi, ti, yi, base, seed + 10L * (k + 1), progress,
          "DR-learner fold " + (k + 1) + "/" + DR_FOLDS);
      progress.accept("DR-learner fold " + (k + 1) + "/" + DR_FOLDS + ": propensity model on " + xi.length + " rows");
      Predictor pi = BaseModels.classifier(xi, ti, base, seed + 10L * (k + 1) + 5);
      double[] m0 = mu[0].predict(xo);
      double[] m1 = mu[1].predict(xo);
      double[] p = pi.predict(xo);
      for (int j = 0; j < out.size(); j++) {
        int i = out.get(j);
        double e = clip(p[j]);
        double mt = t[i] == 1 ? m1[j] : m0[j];
        phi[i] = (t[i] - e) / (e * (1 - e)) * (y[i] - mt) + m1[j] - m0[j];
      }
    }
    progress.accept("DR-learner: effect model on the pseudo-outcomes of " + n + " rows");
    return BaseModels.regressor(x, phi, base, seed + 99);
  }

  /** μ₀ on the controls and μ₁ on the treated. */
  private static Predictor[] armModels(
      double[][] x, int[] t, int[] y, BaseModel base, long seed, Consumer<String> progress, String who) {
    Arm control = Arm.of(x, t, y, 0);
    Arm treated = Arm.of(x, t, y, 1);
    progress.accept(who + ": outcome models on the controls (" + control.x.length + " rows) and the treated ("
        + treated.x.length + " rows)");
    return both(() -> BaseModels.classifier(control.x, control.y, base, seed + 1),
        () -> BaseModels.classifier(treated.x, treated.y, base, seed + 2));
  }

  /**
   * Fits two independent models, the second on its own thread when there are spare processors.
   * Reproducible either way: each fit seeds Smile's generator, which is per thread.
   */
  static Predictor[] both(Supplier<Predictor> first, Supplier<Predictor> second) {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return new Predictor[] {first.get(), second.get()};
    }
    FutureTask<Predictor> task = new FutureTask<>(second::get);
    Thread worker = new Thread(task, "uplift-fit");
    worker.setDaemon(true);
    worker.start();
    Predictor a = first.get();
    try {
      return new Predictor[] {a, task.get()};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Fold of every row (0..k−1), balanced, from a seeded shuffle. */
  static int[] folds(int n, int k, long seed) {
    int[] order = SeededShuffle.permutation(n, seed);
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[order[i]] = i % k;
    }
    return fold;
  }

  private record Arm(double[][] x, int[] y) {
    static Arm of(double[][] x, int[] t, int[] y, int arm) {
      int n = 0;
      for (int v : t) {
        n += v == arm ? 1 : 0;
      }
      double[][] xs = new double[n][];
      int[] ys = new int[n];
      int j = 0;
      for (int i = 0; i < t.length; i++) {
        if (t[i] == arm) {
          xs[j] = x[i];
          ys[j++] = y[i];
        }
      }
      return new Arm(xs, ys);
    }
  }

  private static void validate(double[][] x, int[] t, int[] y) {
    if (x.length != t.length || x.length != y.length) {
      throw new IllegalArgumentException("x, t and y must have one entry per row: " + x.length + ", " + t.length
          + ", " + y.length);
    }
    int treated = 0;
    for (int i = 0; i < t.length; i++) {
      if ((t[i] != 0 && t[i] != 1) || (y[i] != 0 && y[i] != 1)) {
        throw new IllegalArgumentException("row " + i + ": treatment and outcome must be 0 or 1");
      }
      treated += t[i];
    }
    if (treated == 0 || treated == t.length) {
      throw new IllegalArgumentException("need rows in both arms; the " + (treated == 0 ? "treated" : "control")
          + " arm is empty");
    }
  }

  private static double[][] withArm(double[][] x, int[] t) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = append(x[i], t[i]);
    }
    return out;
  }

  private static double[][] withArm(double[][] x, int arm) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = append(x[i], arm);
    }
    return out;
  }

  private static double[] append(double[] row, double v) {
    double[] out = java.util.Arrays.copyOf(row, row.length + 1);
    out[row.length] = v;
    return out;
  }

  private static double[] minus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  private static double clip(double p) {
    return Math.min(1 - PROPENSITY_CLIP, Math.max(PROPENSITY_CLIP, p));
  }

  private static double[][] rows(double[][] x, List<Integer> idx) {
    double[][] out = new double[idx.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[idx.get(i)];
    }
    return out;
  }

  private static int[] ints(int[] v, List<Integer> idx) {
    int[] out = new int[idx.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v[idx.get(i)];
    }
    return out;
  }
}
