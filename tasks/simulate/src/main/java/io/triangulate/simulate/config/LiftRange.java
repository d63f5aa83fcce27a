package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;

/** How many campaigns have one kind of lift, and the range their peak relative lift is drawn from. */
public record LiftRange(int count, double min, double max) {

  public LiftRange {
    Check.range("count", count, 0, 999);
    Check.range("min", min, -1.0, 10.0);
    Check.range("max", max, min, 10.0);
  }
}
