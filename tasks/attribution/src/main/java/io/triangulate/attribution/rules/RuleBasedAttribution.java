package io.triangulate.attribution.rules;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.CreditTally;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;

/** Applies a touch-weighting rule to every converting path and adds up the credit per channel. */
public final class RuleBasedAttribution {

  private RuleBasedAttribution() {}

  public static ModelCredits attribute(String model, PathSet paths, TouchWeighting rule) {
    CreditTally tally = new CreditTally(paths.channelCount());
    double[] weights = new double[longestPath(paths)];
    for (ConversionPath path : paths.paths()) {
      if (path.conversions() == 0 && path.value() == 0) {
        continue; // rules credit outcomes only; non-converting journeys carry none
      }
      rule.weigh(path, weights);
      int[] channels = path.channels();
      for (int i = 0; i < channels.length; i++) {
        if (weights[i] != 0) {
          tally.credit(channels[i], weights[i], path);
        }
      }
    }
    return tally.toCredits(model, paths);
  }

  private static int longestPath(PathSet paths) {
    int longest = 1;
    for (ConversionPath path : paths.paths()) {
      longest = Math.max(longest, path.length());
    }
    return longest;
  }
}
