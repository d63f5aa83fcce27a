package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;

/**
 * A rule that splits one path's outcome over its touches. Repeated touches of a channel each get
 * their own weight, so a channel touched twice collects both.
 */
public interface TouchWeighting {

  /**
   * Writes one weight per touch into {@code weights[0..path.length())}. Weights sum to 1, or are
   * all 0 when the rule credits no touch of this path (time decay with every touch outside the
   * lookback window).
   */
  void weigh(ConversionPath path, double[] weights);
}
