package io.triangulate.mmm.optimize;

import java.util.List;

/**
 * Splits a budget across channels to maximise total response, within per-channel bounds.
 *
 * <p>Method: the optimum equalises marginal returns. For a multiplier {@code μ} each channel
 * independently takes {@code s_c(μ) = argmax_{l_c ≤ s ≤ u_c} R_c(s) − μ·s} (for a concave curve,
 * the spend where its slope falls to {@code μ}, clamped to the bounds); total spend falls as
 * {@code μ} rises, so bisection on {@code μ} finds the multiplier that spends the budget exactly.
 * For concave curves this is the exact KKT solution. For S-shaped curves the per-channel problem
 * is still solved globally (the slope is unimodal: rising, then falling), and any budget left over
 * at a jump goes to the channels with the best marginal return.
 */
public final class BudgetAllocator {

  private static final int ITERATIONS = 200;

  /** The allocation (spend per period) and the marginal return {@code μ} it equalises. */
  public record Allocation(double[] spend, double multiplier) {}

  private BudgetAllocator() {}

  public static Allocation allocate(List<? extends ResponseCurve> curves, double budget, double[] lower, double[] upper) {
    int k = curves.size();
    double minTotal = 0;
    double maxTotal = 0;
    for (int c = 0; c < k; c++) {
      if (lower[c] > upper[c]) {
        throw new IllegalArgumentException("channel " + c + ": lower bound " + lower[c] + " exceeds upper bound " + upper[c]);
      }
      minTotal += lower[c];
      maxTotal += upper[c];
    }
    if (budget < minTotal * (1 - 1e-12) || budget > maxTotal * (1 + 1e-12)) {
      throw new IllegalArgumentException("budget " + plain(budget) + " is outside what the channel bounds allow ("
          + plain(minTotal) + " to " + plain(maxTotal) + ")");
    }
    double[] peaks = peaks(curves, lower, upper);
    double high = 0;
    for (int c = 0; c < k; c++) {
      high = Math.max(high, curves.get(c).slope(peaks[c]));
    }
    high = high * 2 + 1e-12;
    double low = 0;
    double[] atLow = spendAt(curves, low, lower, upper, peaks);
    if (sum(atLow) <= budget) {
      return new Allocation(fill(curves, atLow, budget, lower, upper), 0);
    }
    for (int i = 0; i < ITERATIONS && high - low > 1e-15 * high; i++) {
      double mid = 0.5 * (low + high);
      if (sum(spendAt(curves, mid, lower, upper, peaks)) > budget) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double[] spend = spendAt(curves, high, lower, upper, peaks);
    return new Allocation(fill(curves, spend, budget, lower, upper), high);
  }

  /** Each channel's best response to the multiplier {@code μ}. */
  public static double[] spendAt(List<? extends ResponseCurve> curves, double mu, double[] lower, double[] upper) {
    return spendAt(curves, mu, lower, upper, peaks(curves, lower, upper));
  }

  private static double[] spendAt(
      List<? extends ResponseCurve> curves, double mu, double[] lower, double[] upper, double[] peaks) {
    double[] spend = new double[curves.size()];
    for (int c = 0; c < spend.length; c++) {
      spend[c] = bestResponse(curves.get(c), mu, lower[c], upper[c], peaks[c]);
    }
    return spend;
  }

  /** Where each channel's slope peaks within its bounds (the lower bound for concave curves). */
  static double[] peaks(List<? extends ResponseCurve> curves, double[] lower, double[] upper) {
    double[] peaks = new double[curves.size()];
    for (int c = 0; c < peaks.length; c++) {
      peaks[c] = upper[c] <= lower[c] ? lower[c] : argMaxSlope(curves.get(c), lower[c], upper[c]);
    }
    return peaks;
  }

  /**
   * {@code argmax_{l ≤ s ≤ u} R(s) − μ·s} for a curve whose slope rises to {@code peak} then falls
   * (or only falls, with {@code peak = l}).
   */
  static double bestResponse(ResponseCurve curve, double mu, double lower, double upper, double peak) {
    if (upper <= lower) {
      return lower;
    }
    // On the falling branch [peak, upper] the slope crosses μ at most once.
    double root;
    if (curve.slope(peak) <= mu) {
      root = peak;
    } else if (curve.slope(upper) >= mu) {
      root = upper;
    } else {
      double a = peak;
      double b = upper;
      for (int i = 0; i < ITERATIONS && b - a > 1e-13 * Math.max(1, b); i++) {
        double m = 0.5 * (a + b);
        if (curve.slope(m) > mu) {
          a = m;
        } else {
          b = m;
        }
      }
      root = 0.5 * (a + b);
    }
    double best = lower;
    double bestValue = curve.value(lower) - mu * lower;
    for (double candidate : new double[] {root, upper}) {
      double value = curve.value(candidate) - mu * candidate;
      if (value > bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
    return best;
  }

  /** Where the slope peaks on [l, u], by golden-section search (the slope is unimodal). */
  static double argMaxSlope(ResponseCurve curve, double lower, double upper) {
    double ratio = (Math.sqrt(5) - 1) / 2;
    double a = lower;
    double b = upper;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    double fc = curve.slope(c);
    double fd = curve.slope(d);
    for (int i = 0; i < 100 && b - a > 1e-10 * Math.max(1, b); i++) {
      if (fc >= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = curve.slope(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = curve.slope(d);
      }
    }
    double mid = 0.5 * (a + b);
    double best = curve.slope(lower) >= curve.slope(mid) ? lower : mid;
    return curve.slope(upper) > curve.slope(best) ? upper : best;
  }

  /**
   * Closes any gap between the spend and the budget (only S-shaped curves leave one): adds to the
   * channel with the best marginal return that still has room, or takes from the worst.
   */
  private static double[] fill(List<? extends ResponseCurve> curves, double[] spend, double budget, double[] lower, double[] upper) {
    double[] out = spend.clone();
    for (int round = 0; round < curves.size() && Math.abs(budget - sum(out)) > 1e-9 * Math.max(1, budget); round++) {
      double gap = budget - sum(out);
      int chosen = -1;
      for (int c = 0; c < out.length; c++) {
        boolean room = gap > 0 ? out[c] < upper[c] : out[c] > lower[c];
        if (!room) {
          continue;
        }
        double slope = curves.get(c).slope(out[c]);
        if (chosen < 0 || (gap > 0 ? slope > curves.get(chosen).slope(out[chosen]) : slope < curves.get(chosen).slope(out[chosen]))) {
          chosen = c;
        }
      }
      if (chosen < 0) {
        break;
      }
      out[chosen] = gap > 0 ? Math.min(upper[chosen], out[chosen] + gap) : Math.max(lower[chosen], out[chosen] + gap);
    }
    return out;
  }

  private static String plain(double value) {
    return value == 0 ? "0"
        : new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
