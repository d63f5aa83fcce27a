package io.triangulate.uplift.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Uplift-model metrics on a holdout: 0/1 outcome {@code y}, predicted uplift {@code u} and arm
 * {@code t} (1 treated, 0 control) per row. Definitions follow scikit-uplift 0.5.1
 * ({@code sklift.metrics}) exactly, normalisation included, so figures can be compared one to one:
 *
 * <ul>
 *   <li>Rows are ranked by predicted uplift, highest first; ties keep the reverse of their input
 *       order (numpy's stable argsort, reversed). Curves have one point per distinct predicted
 *       value (tied rows enter together), starting at (0, 0).
 *   <li>Qini curve (Radcliffe 2007): Q(n) = Y_T(n) − Y_C(n)·N_T(n)/N_C(n), with Y the outcomes and N
 *       the rows of each arm among the first n.
 *   <li>Uplift curve: U(n) = (Y_T(n)/N_T(n) − Y_C(n)/N_C(n))·n (a ratio with a zero denominator is
 *       0).
 *   <li>Qini coefficient ({@code qini_auc_score}, negative_effect=True) and AUUC
 *       ({@code uplift_auc_score}): (area under the model's curve − area under the random line)
 *       / (area under the perfect curve − area under the random line), areas by the trapezoidal
 *       rule, the random line from (0, 0) to the perfect curve's last point. The perfect Qini curve
 *       ranks by y·t − y·(1 − t); the perfect uplift curve by 2·[y = t] + (y if control responders
 *       outnumber treated non-responders, else t).
 *   <li>uplift@k ({@code uplift_at_k}, strategy 'overall'): among the first ⌊n·k⌋ ranked rows,
 *       outcome rate of the treated minus that of the controls.
 *   <li>Deciles ({@code uplift_by_percentile}, 'overall'): the ranked rows cut into 10 bins as
 *       {@code numpy.array_split} does (the first n mod 10 bins one row larger).
 * </ul>
 */
public final class UpliftMetrics {

  private UpliftMetrics() {}

  /** Row indices ranked by predicted uplift, highest first, ties in reverse input order. */
  public static int[] ranking(double[] u) {
    Integer[] idx = new Integer[u.length];
    for (int i = 0; i < u.length; i++) {
      if (Double.isNaN(u[i])) {
        throw new IllegalArgumentException("predicted uplift of row " + i + " is NaN");
      }
      idx[i] = i;
    }
    // Descending by value, then descending by index = numpy's stable ascending sort reversed.
    Arrays.sort(idx, (a, b) -> {
      int c = Double.compare(u[b], u[a]);
      return c != 0 ? c : Integer.compare(b, a);
    });
    int[] out = new int[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  public static Curve qiniCurve(int[] y, double[] u, int[] t) {
    return curve(y, u, t, true);
  }

  public static Curve upliftCurve(int[] y, double[] u, int[] t) {
    return curve(y, u, t, false);
  }

  /** The best possible Qini curve, negative effects included (sklift's negative_effect=True). */
  public static Curve perfectQiniCurve(int[] y, int[] t) {
    double[] score = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      score[i] = y[i] * t[i] - y[i] * (1 - t[i]);
    }
    return qiniCurve(y, score, t);
  }

  public static Curve perfectUpliftCurve(int[] y, int[] t) {
    long controlResponders = 0;
    long treatedNonResponders = 0;
    for (int i = 0; i < y.length; i++) {
      controlResponders += y[i] == 1 && t[i] == 0 ? 1 : 0;
      treatedNonResponders += y[i] == 0 && t[i] == 1 ? 1 : 0;
    }
    boolean byOutcome = controlResponders > treatedNonResponders;
    double[] score = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      score[i] = 2.0 * (y[i] == t[i] ? 1 : 0) + (byOutcome ? y[i] : t[i]);
    }
    return upliftCurve(y, score, t);
  }

  /** Qini coefficient: normalised area between the Qini curve and the random line. */
  public static double qiniCoefficient(int[] y, double[] u, int[] t) {
    return normalised(qiniCurve(y, u, t), perfectQiniCurve(y, t));
  }

  /** AUUC: normalised area between the uplift curve and the random line. */
  public static double auuc(int[] y, double[] u, int[] t) {
    return normalised(upliftCurve(y, u, t), perfectUpliftCurve(y, t));
  }

  private static double normalised(Curve actual, Curve perfect) {
    double baseline = perfect.lastX() * perfect.lastY() / 2;
    return (actual.area() - baseline) / (perfect.area() - baseline);
  }

  /** Treated minus control outcome rate among the first ⌊n·k⌋ ranked rows; NaN if an arm is absent. */
  public static double upliftAtK(int[] y, double[] u, int[] t, double k) {
    if (!(k > 0 && k < 1)) {
      throw new IllegalArgumentException("k must be in (0, 1), got " + k);
    }
    int[] order = ranking(u);
    int size = (int) (y.length * k);
    return Arms.of(y, t, order, 0, size).uplift();
  }

  /** The ranked rows in {@code bins} bins (numpy.array_split sizes), best predicted first. */
  public static List<Bin> bins(int[] y, double[] u, int[] t, int bins) {
    if (bins < 1 || bins >= y.length) {
      throw new IllegalArgumentException("bins must be in [1, n), got " + bins + " for " + y.length + " rows");
    }
    int[] order = ranking(u);
    int n = y.length;
    int base = n / bins;
    int extra = n % bins;
    List<Bin> out = new ArrayList<>();
    int from = 0;
    for (int b = 0; b < bins; b++) {
      int to = from + base + (b < extra ? 1 : 0);
      Arms arms = Arms.of(y, t, order, from, to);
      double predicted = 0;
      for (int i = from; i < to; i++) {
        predicted += u[order[i]];
      }
      int low = Math.round(b * 100f / bins);
      int high = Math.round((b + 1) * 100f / bins);
      out.add(new Bin(b + 1, low + "-" + high, arms.nTreated, arms.nControl, arms.rateTreated(), arms.rateControl(),
          arms.uplift(), arms.standardError(), predicted / (to - from)));
      from = to;
    }
    return out;
  }

  /**
   * One bin of ranked rows. {@code stdUplift} is sklift's binomial standard error
   * √(r_T(1−r_T)/n_T + r_C(1−r_C)/n_C); {@code meanPredicted} is the model's average predicted uplift.
   */
  public record Bin(
      int bin, String percentile, int nTreated, int nControl, double rateTreated, double rateControl, double uplift,
      double stdUplift, double meanPredicted) {}

  /** The Qini value after the first {@code n} ranked rows (not grouped by ties), for plotting. */
  public static double qiniAt(int[] y, int[] t, int[] order, int n) {
    Arms arms = Arms.of(y, t, order, 0, n);
    return arms.nControl == 0 ? arms.yTreated : arms.yTreated - arms.yControl * (double) arms.nTreated / arms.nControl;
  }

  private static Curve curve(int[] y, double[] u, int[] t, boolean qini) {
    int n = y.length;
    if (u.length != n || t.length != n || n == 0) {
      throw new IllegalArgumentException("y, u and t must be non-empty and of one length: " + n + ", " + u.length + ", "
          + t.length);
    }
    int[] order = ranking(u);
    double[] xs = new double[n + 1];
    double[] ys = new double[n + 1];
    int points = 1; // (0, 0)
    long nT = 0;
    long yT = 0;
    long yC = 0;
    for (int i = 0; i < n; i++) {
      int r = order[i];
      if ((t[r] != 0 && t[r] != 1) || (y[r] != 0 && y[r] != 1)) {
        throw new IllegalArgumentException("row " + r + ": treatment and outcome must be 0 or 1");
      }
      nT += t[r];
      yT += t[r] == 1 ? y[r] : 0;
      yC += t[r] == 0 ? y[r] : 0;
      boolean last = i == n - 1 || u[order[i + 1]] != u[r];
      if (!last) {
        continue;
      }
      long all = i + 1;
      long nC = all - nT;
      double value;
      if (qini) {
        value = yT - (nC != 0 ? yC * ((double) nT / nC) : 0);
      } else {
        value = ((nT != 0 ? (double) yT / nT : 0) - (nC != 0 ? (double) yC / nC : 0)) * all;
      }
      xs[points] = all;
      ys[points] = value;
      points++;
    }
    return new Curve(Arrays.copyOf(xs, points), Arrays.copyOf(ys, points));
  }

  /** Counts of the two arms among ranked rows [from, to). */
  record Arms(int nTreated, int nControl, long yTreated, long yControl) {
    static Arms of(int[] y, int[] t, int[] order, int from, int to) {
      int nT = 0;
      int nC = 0;
      long yT = 0;
      long yC = 0;
      for (int i = from; i < to; i++) {
        int r = order[i];
        if (t[r] == 1) {
          nT++;
          yT += y[r];
        } else {
          nC++;
          yC += y[r];
        }
      }
      return new Arms(nT, nC, yT, yC);
    }

    double rateTreated() {
      return nTreated == 0 ? Double.NaN : (double) yTreated / nTreated;
    }

    double rateControl() {
      return nControl == 0 ? Double.NaN : (double) yControl / nControl;
    }

    double uplift() {
      return rateTreated() - rateControl();
    }

    double standardError() {
      double a = rateTreated();
      double b = rateControl();
      return Math.sqrt(a * (1 - a) / nTreated + b * (1 - b) / nControl);
    }
  }
}
