package io.triangulate.geo.stats;

/**
 * How to analyse a geo test.
 *
 * @param confidence two-sided level of every interval, in (0, 1)
 * @param fixedEffects de-mean every series over the fit periods first (recommended; see {@link SyntheticControl})
 * @param incrementalSpend spend added in the treated markets over the test window (all of them
 *     together); NaN to take it from the panel's spend (treated minus synthetic spend) or to skip iROAS
 */
public record GeoOptions(GeoMethod method, double confidence, boolean fixedEffects, double incrementalSpend) {

  public GeoOptions {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1, got " + confidence);
    }
  }

  public static GeoOptions defaults(GeoMethod method) {
    return new GeoOptions(method, 0.9, true, Double.NaN);
  }

  public GeoOptions withIncrementalSpend(double spend) {
    return new GeoOptions(method, confidence, fixedEffects, spend);
  }
}
