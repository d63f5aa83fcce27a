package io.triangulate.mmm.model;

import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;

/**
 * The model's shape, shared by the ridge and Bayesian fits:
 *
 * <pre>
 *   y_t = intercept + trend + Σ_k γ_k·(sin/cos seasonality)_t + Σ_j γ_j·control_{j,t}
 *         + Σ_c β_c · saturation_c(adstock_c(spend_c / scale_c))_t + ε_t
 * </pre>
 *
 * @param maxLag largest carryover lag, in periods (weights exist for lags 0 … maxLag)
 * @param fourierOrder number of sin/cos pairs of yearly seasonality (0 for none)
 * @param seasonalityPeriodDays period of the seasonality in days (365.25 for yearly)
 * @param trend whether to include a linear trend
 */
public record ModelSpec(
    AdstockKind adstock,
    SaturationKind saturation,
    int maxLag,
    int fourierOrder,
    double seasonalityPeriodDays,
    boolean trend) {

  public ModelSpec {
    if (maxLag < 0 || maxLag > 104) {
      throw new IllegalArgumentException("max lag must be between 0 and 104 periods, got " + maxLag);
    }
    if (fourierOrder < 0 || fourierOrder > 10) {
      throw new IllegalArgumentException("Fourier order must be between 0 and 10, got " + fourierOrder);
    }
  }

  /** Geometric adstock over 8 weeks (lags 0–7), logistic saturation, trend, 2 Fourier pairs. */
  public static ModelSpec defaults() {
    return new ModelSpec(AdstockKind.GEOMETRIC, SaturationKind.LOGISTIC, 7, 2, 365.25, true);
  }

  public ModelSpec with(AdstockKind adstockKind, SaturationKind saturationKind) {
    return new ModelSpec(adstockKind, saturationKind, maxLag, fourierOrder, seasonalityPeriodDays, trend);
  }
}
