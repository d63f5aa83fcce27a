package io.triangulate.attribution.shapley;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered Shapley value of Zhao et al. (2018) in its simplified form: the path-set game played
 * over ordered channel sets, φ_i^j = Σ over converting paths whose j-th distinct channel (by first
 * touch) is i of outcome / |distinct channels|. Summed over positions it is the unordered Shapley
 * value; the breakdown shows whether a channel earns its credit opening or closing journeys.
 */
public final class OrderedShapley {

  private OrderedShapley() {}

  /** Credits for every (channel, position) that received any, ordered by channel then position. */
  public static List<PositionCredit> attribute(PathSet paths) {
    int longest = 0;
    for (ConversionPath path : paths.paths()) {
      longest = Math.max(longest, path.length());
    }
    int positions = Math.min(longest, paths.channelCount());
    double[][] conversions = new double[paths.channelCount()][positions];
    double[][] value = new double[paths.channelCount()][positions];
    boolean[][] credited = new boolean[paths.channelCount()][positions];
    DistinctChannels distinct = new DistinctChannels(paths.channelCount());
    for (ConversionPath path : paths.paths()) {
      if (path.conversions() == 0 && path.value() == 0) {
        continue;
      }
      int[] channels = distinct.of(path);
      double fraction = 1.0 / channels.length;
      for (int position = 0; position < channels.length; position++) {
        conversions[channels[position]][position] += fraction * path.conversions();
        value[channels[position]][position] += fraction * path.value();
        credited[channels[position]][position] = true;
      }
    }
    List<PositionCredit> credits = new ArrayList<>();
    for (int channel = 0; channel < conversions.length; channel++) {
      for (int position = 0; position < positions; position++) {
        if (credited[channel][position]) {
          credits.add(new PositionCredit(paths.channel(channel), position + 1,
              conversions[channel][position], value[channel][position]));
        }
      }
    }
    return credits;
  }
}
