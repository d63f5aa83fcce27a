package io.triangulate.geo.stats;

/** A point estimate and its two-sided interval; NaN ends mean "not available". */
public record Estimate(double value, double low, double high) {

  public boolean covers(double truth) {
    return low <= truth && truth <= high;
  }

  public Estimate times(double factor) {
    return factor >= 0 ? new Estimate(value * factor, low * factor, high * factor)
        : new Estimate(value * factor, high * factor, low * factor);
  }
}
