package io.triangulate.attribution.shapley;

import io.triangulate.attribution.ConversionPath;
import java.util.Arrays;

/** A path's distinct channels in order of first touch, without allocating a set per path. */
final class DistinctChannels {

  private final int[] lastSeen;
  private int stamp;

  DistinctChannels(int channelCount) {
    lastSeen = new int[channelCount];
  }

  int[] of(ConversionPath path) {
    stamp++;
    int[] channels = path.channels();
    int[] distinct = new int[channels.length];
    int count = 0;
    for (int channel : channels) {
      if (lastSeen[channel] != stamp) {
        lastSeen[channel] = stamp;
        distinct[count++] = channel;
      }
    }
    return count == distinct.length ? distinct : Arrays.copyOf(distinct, count);
  }
}
