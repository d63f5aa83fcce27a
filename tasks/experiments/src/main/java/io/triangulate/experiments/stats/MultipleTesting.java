package io.triangulate.experiments.stats;

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
    throw new UnsupportedOperationException("step 2");
  }

  /**
   * Holm (1979) step-down adjustment, controlling the family-wise error rate: sorted ascending,
   * p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)).
   */
  public static double[] holm(double[] p) {
    throw new UnsupportedOperationException("step 2");
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
