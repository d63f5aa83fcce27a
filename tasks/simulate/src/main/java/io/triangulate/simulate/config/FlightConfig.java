package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/** Campaign flight lengths in days; flights longer than the world's period are cut to it. */
public record FlightConfig(int minDays, int maxDays) {

  public FlightConfig {
    Check.range("min_days", minDays, 1, 366);
    Check.range("max_days", maxDays, minDays, 366);
  }
}
