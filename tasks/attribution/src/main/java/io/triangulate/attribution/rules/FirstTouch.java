package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;
import java.util.Arrays;

/** All credit to the touch that opened the journey. */
public final class FirstTouch implements TouchWeighting {

  @Override
  public void weigh(ConversionPath path, double[] weights) {
    Arrays.fill(weights, 0, path.length(), 0.0);
    weights[0] = 1.0;
  }
}
