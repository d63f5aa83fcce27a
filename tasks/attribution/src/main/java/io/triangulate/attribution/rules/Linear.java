package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;
import java.util.Arrays;

/** Equal credit to every touch. */
public final class Linear implements TouchWeighting {

  @Override
  public void weigh(ConversionPath path, double[] weights) {
    Arrays.fill(weights, 0, path.length(), 1.0 / path.length());
  }
}
