package io.triangulate.attribution.datadriven;

/**
 * Knobs of the data-driven model.
 *
 * @param seed drives the train/held-out split of journeys (and the thinning of very large
 *     training sets), so a run is reproducible
 * @param heldOutFraction share of journeys kept out of training to measure AUC
 * @param ridge L2 penalty on the coefficients (Smile's lambda; the loss is a sum over journeys, so
 *     the default 0.1 only stops separable channels from running to infinity)
 * @param maxTrainingRows journeys fed to the fit at most; beyond it training journeys are thinned
 *     uniformly, which leaves the logistic coefficients unbiased
 */
public record DataDrivenSettings(long seed, double heldOutFraction, double ridge, int maxTrainingRows) {

  public static final DataDrivenSettings DEFAULT = new DataDrivenSettings(42L, 0.3, 0.1, 250_000);

  public DataDrivenSettings {
    if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
      throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + heldOutFraction);
    }
    if (!(ridge >= 0) || !Double.isFinite(ridge)) {
      throw new IllegalArgumentException("ridge penalty must be >= 0, got " + ridge);
    }
    if (maxTrainingRows < 100) {
      throw new IllegalArgumentException("max training rows must be >= 100, got " + maxTrainingRows);
    }
  }

  public DataDrivenSettings withSeed(long newSeed) {
    return new DataDrivenSettings(newSeed, heldOutFraction, ridge, maxTrainingRows);
  }
}
