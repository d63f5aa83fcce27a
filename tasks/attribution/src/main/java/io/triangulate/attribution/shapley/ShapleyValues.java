package io.triangulate.attribution.shapley;

/**
 * Exact Shapley values of a cooperative game given as a table of coalition worths indexed by
 * bitmask (bit i = player i), straight from the definition:
 * φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S)). Cost n · 2ⁿ.
 */
public final class ShapleyValues {

  /** 2^20 coalitions (8 MB per table) keeps exact values a matter of milliseconds. */
  public static final int MAX_PLAYERS = 20;

  private ShapleyValues() {}

  public static double[] exact(double[] worth, int players) {
    if (players < 0 || players > MAX_PLAYERS) {
      throw new IllegalArgumentException("exact Shapley supports up to " + MAX_PLAYERS + " players, got " + players);
    }
    if (worth.length != 1 << players) {
      throw new IllegalArgumentException("need one worth per coalition: " + (1 << players) + ", got " + worth.length);
    }
    double[] coalitionWeight = coalitionWeights(players);
    double[] values = new double[players];
    for (int i = 0; i < players; i++) {
      int bit = 1 << i;
      double sum = 0;
      for (int coalition = 0; coalition < worth.length; coalition++) {
        if ((coalition & bit) == 0) {
          sum += coalitionWeight[Integer.bitCount(coalition)] * (worth[coalition | bit] - worth[coalition]);
        }
      }
      values[i] = sum;
    }
    return values;
  }

  /**
   * |S|!(n−|S|−1)!/n! = 1 / (n · C(n−1, |S|)); binomials up to C(19, 9) are exact in a double.
   */
  private static double[] coalitionWeights(int players) {
    double[] weights = new double[Math.max(players, 1)];
    double binomial = 1; // C(n−1, s)
    for (int s = 0; s < players; s++) {
      weights[s] = 1.0 / (players * binomial);
      binomial = binomial * (players - 1 - s) / (s + 1);
    }
    return weights;
  }
}
