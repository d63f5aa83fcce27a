package io.triangulate.experiments.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for a family of tests (segments of a campaign, campaigns of a day), as R's
 * {@code p.adjust}: compare each adjusted p-value with α.
 *
 * <p>NaN p-values (tests that could not be computed) are left out of the family, so they neither
 * count in m nor get rejected, and come back as NaN in their place. The result is in input order.
 */
public final class MultipleTesting {

  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg (1995) step-up adjustment, controlling the false discovery rate: with the m
   * defined p-values sorted ascending, p̃_(i) = min_{j ≥ i} min(1, m·p_(j) / j).
   */
  public static double[] benjaminiHochberg(double[] p) {
    int[] order = definedAscending(p);
    int m = order.length;
    double[] adjusted = undefined(p.length);
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, m * p[i] / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * Holm (1979) step-down adjustment, controlling the family-wise error rate: sorted ascending,
   * p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)).
   */
  public static double[] holm(double[] p) {
    int[] order = definedAscending(p);
    int m = order.length;
    double[] adjusted = undefined(p.length);
    double running = 0.0;
    for (int rank = 1; rank <= m; rank++) {
      int i = order[rank - 1];
      running = Math.max(running, Math.min(1.0, (m - rank + 1) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /** Indices of the non-NaN p-values, sorted by p ascending (ties keep input order). */
  private static int[] definedAscending(double[] p) {
    for (double value : p) {
      if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("p-values must lie in [0, 1] (or be NaN), got " + value);
      }
    }
    return IntStream.range(0, p.length)
        .filter(i -> !Double.isNaN(p[i]))
        .boxed()
        .sorted(Comparator.comparingDouble(i -> p[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double[] undefined(int length) {
    double[] out = new double[length];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  /** adjusted[i] ≤ alpha, per test; false for NaN. */
  public static boolean[] rejected(double[] adjusted, double alpha) {
    boolean[] out = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      out[i] = adjusted[i] <= alpha;
    }
    return out;
  }
}
