package io.triangulate.experiments.stats;

/**
 * Sufficient statistics of a binary outcome in one arm: {@code n} units of which {@code successes}
 * converted (visited, bought…). Counts that cannot happen (negative, more successes than units) are
 * rejected here, at the boundary, so the comparison code only meets possible data.
 */
public record BinaryArm(long n, long successes) {

  public BinaryArm {
    if (n < 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "impossible binary arm: n=" + n + ", successes=" + successes + " (need 0 <= successes <= n)");
    }
  }

  /** successes / n; NaN when the arm is empty. */
  public double rate() {
    return n == 0 ? Double.NaN : (double) successes / n;
  }
}
