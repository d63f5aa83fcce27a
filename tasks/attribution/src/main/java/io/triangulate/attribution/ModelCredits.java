package io.triangulate.attribution;

import java.util.List;
import java.util.NoSuchElementException;

/** One model's credit for every channel of the path set, in the path set's channel order. */
public record ModelCredits(String model, List<ChannelCredit> channels) {

  public ModelCredits {
    channels = List.copyOf(channels);
  }

  /**
   * Builds credits from per-channel totals; shares are conversion shares, so they sum to 1
   * whenever anything was credited.
   */
  public static ModelCredits of(String model, List<String> channelNames, double[] conversions, double[] value) {
    if (conversions.length != channelNames.size() || value.length != channelNames.size()) {
      throw new IllegalArgumentException("one credit per channel expected");
    }
    double total = 0;
    for (double c : conversions) {
      total += c;
    }
    ChannelCredit[] credits = new ChannelCredit[conversions.length];
    for (int i = 0; i < credits.length; i++) {
      double share = total > 0 ? conversions[i] / total : 0;
      credits[i] = new ChannelCredit(channelNames.get(i), conversions[i], value[i], share);
    }
    return new ModelCredits(model, List.of(credits));
  }

  public ChannelCredit channel(String name) {
    for (ChannelCredit credit : channels) {
      if (credit.channel().equals(name)) {
        return credit;
      }
    }
    throw new NoSuchElementException("model " + model + " has no channel " + name);
  }

  public double totalConversions() {
    double sum = 0;
    for (ChannelCredit credit : channels) {
      sum += credit.conversions();
    }
    return sum;
  }

  public double totalValue() {
    double sum = 0;
    for (ChannelCredit credit : channels) {
      sum += credit.value();
    }
    return sum;
  }
}
