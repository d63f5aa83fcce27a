package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;
import java.util.Arrays;

/**
 * U-shaped credit. Short paths have no middle: one touch takes everything, and with two touches
 * the middle share goes to first and last in proportion to their weights (50/50 for 40/20/40).
 */
public final class PositionBased implements TouchWeighting {

  private final PositionWeights shares;

  public PositionBased(PositionWeights shares) {
    this.shares = shares;
  }

  @Override
  public void weigh(ConversionPath path, double[] weights) {
    int n = path.length();
    if (n == 1) {
      weights[0] = 1.0;
      return;
    }
    if (n == 2) {
      double ends = shares.first() + shares.last();
      weights[0] = shares.first() / ends;
      weights[1] = shares.last() / ends;
      return;
    }
    Arrays.fill(weights, 1, n - 1, shares.middle() / (n - 2));
    weights[0] = shares.first();
    weights[n - 1] = shares.last();
  }
}
