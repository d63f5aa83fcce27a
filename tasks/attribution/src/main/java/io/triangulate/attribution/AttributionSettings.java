package io.triangulate.attribution;

import io.triangulate.attribution.datadriven.DataDrivenSettings;
import io.triangulate.attribution.rules.PositionWeights;
import io.triangulate.attribution.rules.TimeDecay;

/** Model parameters users may change; {@link #DEFAULT} is 7-day half-life, 30-day lookback, 40/20/40. */
public record AttributionSettings(
    double halfLifeDays, double lookbackDays, PositionWeights positionWeights, DataDrivenSettings dataDriven) {

  public static final AttributionSettings DEFAULT = new AttributionSettings(
      TimeDecay.DEFAULT_HALF_LIFE_DAYS, TimeDecay.DEFAULT_LOOKBACK_DAYS, PositionWeights.DEFAULT, DataDrivenSettings.DEFAULT);

  public AttributionSettings {
    new TimeDecay(halfLifeDays, lookbackDays); // validates both, failing with the field named
    if (positionWeights == null || dataDriven == null) {
      throw new IllegalArgumentException("position weights and data-driven settings are required");
    }
  }
}
