package io.triangulate.attribution.datadriven;

import io.triangulate.attribution.ConversionPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Features of a journey for the conversion model: per channel, whether it was touched and the log
 * of how often (0 for a single touch), so that the model can tell reach from frequency with
 * diminishing returns. Removing a channel's touches zeroes both.
 */
final class TouchFeatures {

  private final int channels;

  TouchFeatures(int channels) {
    this.channels = channels;
  }

  int dimension() {
    return 2 * channels;
  }

  double[] of(ConversionPath path) {
    double[] counts = new double[channels];
    for (int channel : path.channels()) {
      counts[channel]++;
    }
    double[] features = new double[dimension()];
    for (int c = 0; c < channels; c++) {
      if (counts[c] > 0) {
        features[c] = 1.0;
        features[channels + c] = Math.log(counts[c]);
      }
    }
    return features;
  }

  /** The same journey had the channel never touched it. */
  double[] without(double[] features, int channel) {
    double[] counterfactual = features.clone();
    counterfactual[channel] = 0.0;
    counterfactual[channels + channel] = 0.0;
    return counterfactual;
  }

  static List<String> names(List<String> channelNames) {
    List<String> names = new ArrayList<>();
    for (String channel : channelNames) {
      names.add(channel + ":touched");
    }
    for (String channel : channelNames) {
      names.add(channel + ":log_touches");
    }
    return names;
  }
}
