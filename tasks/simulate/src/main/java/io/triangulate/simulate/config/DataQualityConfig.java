package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/** The traps of real exports that the loader and the estimators must survive. */
public record DataQualityConfig(double duplicateEventRate, double missingCreativeNameRate) {

  public DataQualityConfig {
    Check.range("duplicate_event_rate", duplicateEventRate, 0.0, 0.5);
    Check.range("missing_creative_name_rate", missingCreativeNameRate, 0.0, 1.0);
  }
}
