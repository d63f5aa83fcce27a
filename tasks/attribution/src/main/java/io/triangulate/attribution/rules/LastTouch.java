package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;
import java.util.Arrays;

/** All credit to the touch just before the outcome. */
public final class LastTouch implements TouchWeighting {

  @Override
  public void weigh(ConversionPath path, double[] weights) {
    Arrays.fill(weights, 0, path.length(), 0.0);
    weights[path.length() - 1] = 1.0;
  }
}
