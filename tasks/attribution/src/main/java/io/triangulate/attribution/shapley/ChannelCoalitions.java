package io.triangulate.attribution.shapley;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.PathSet;
import java.util.Arrays;

/**
 * The converting paths grouped by the set of distinct channels they touched. Only channels seen
 * on converting paths are players: the others can neither add nor lose a conversion in the
 * path-set game, so leaving them out keeps exact Shapley within reach for more channels.
 */
final class ChannelCoalitions {

  final int[] playerChannel;
  /** Conversions and value of converting paths whose channel set is exactly the coalition. */
  final double[] exactConversions;
  final double[] exactValue;

  private ChannelCoalitions(int[] playerChannel, double[] exactConversions, double[] exactValue) {
    this.playerChannel = playerChannel;
    this.exactConversions = exactConversions;
    this.exactValue = exactValue;
  }

  static ChannelCoalitions of(PathSet paths) {
    int[] playerOf = new int[paths.channelCount()];
    Arrays.fill(playerOf, -1);
    int players = 0;
    for (ConversionPath path : paths.paths()) {
      if (converts(path)) {
        for (int channel : path.channels()) {
          if (playerOf[channel] < 0) {
            playerOf[channel] = players++;
          }
        }
      }
    }
    if (players > ShapleyValues.MAX_PLAYERS) {
      throw new IllegalArgumentException("exact Shapley handles up to " + ShapleyValues.MAX_PLAYERS
          + " channels with conversions, this path set has " + players + "; use shapley_simplified");
    }
    int[] playerChannel = new int[players];
    for (int channel = 0; channel < playerOf.length; channel++) {
      if (playerOf[channel] >= 0) {
        playerChannel[playerOf[channel]] = channel;
      }
    }
    double[] conversions = new double[1 << players];
    double[] value = new double[1 << players];
    for (ConversionPath path : paths.paths()) {
      if (converts(path)) {
        int coalition = 0;
        for (int channel : path.channels()) {
          coalition |= 1 << playerOf[channel];
        }
        conversions[coalition] += path.conversions();
        value[coalition] += path.value();
      }
    }
    return new ChannelCoalitions(playerChannel, conversions, value);
  }

  int players() {
    return playerChannel.length;
  }

  private static boolean converts(ConversionPath path) {
    return path.conversions() > 0 || path.value() > 0;
  }

  /** v(S) = Σ_{T ⊆ S} w(T): the outcome of every path that used only channels in S (subset-sum transform). */
  static double[] subsetSums(double[] exact, int players) {
    double[] sums = exact.clone();
    for (int i = 0; i < players; i++) {
      int bit = 1 << i;
      for (int coalition = 0; coalition < sums.length; coalition++) {
        if ((coalition & bit) != 0) {
          sums[coalition] += sums[coalition ^ bit];
        }
      }
    }
    return sums;
  }
}
