package io.triangulate.experiments.stats;

/**
 * A normal prior N(mean, variance) on the difference of means (treated − control) of a numeric
 * outcome. {@link #FLAT} (infinite variance) lets the data speak alone: the posterior is then
 * N(Δ̂, SE²).
 */
public record NormalPrior(double mean, double variance) {

  public static final NormalPrior FLAT = new NormalPrior(0, Double.POSITIVE_INFINITY);

  public NormalPrior {
    if (!Double.isFinite(mean) || !(variance > 0)) {
      throw new IllegalArgumentException("normal prior needs a finite mean and a positive variance, got N(" + mean + ", " + variance + ")");
    }
  }

  public boolean isFlat() {
    return Double.isInfinite(variance);
  }

  public String label() {
    return isFlat() ? "flat" : "N(" + mean + ", " + variance + ")";
  }
}
