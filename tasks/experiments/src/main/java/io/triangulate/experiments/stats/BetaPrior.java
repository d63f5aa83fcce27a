package io.triangulate.experiments.stats;

/**
 * A Beta(α, β) prior on a conversion rate, the same for both arms. Parameters below 1 (e.g.
 * Jeffreys' Beta(½, ½)) are refused: their densities are unbounded at 0 or 1 and the numeric
 * integration in {@link BayesianReadout} is stated for bounded densities only.
 */
public record BetaPrior(double alpha, double beta) {

  /** Beta(1, 1): every rate equally likely, the default. */
  public static final BetaPrior UNIFORM = new BetaPrior(1, 1);

  public BetaPrior {
    if (!(alpha >= 1) || !(beta >= 1) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("Beta prior parameters must be finite and >= 1, got Beta(" + alpha + ", " + beta + ")");
    }
  }

  public String label() {
    return "Beta(" + format(alpha) + ", " + format(beta) + ")";
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
