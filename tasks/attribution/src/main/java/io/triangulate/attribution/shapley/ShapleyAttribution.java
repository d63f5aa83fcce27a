package io.triangulate.attribution.shapley;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.CreditTally;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;

/**
 * Shapley-value attribution over channels.
 *
 * <p><b>Convention (path-set game).</b> The worth of a coalition S of channels is the conversions
 * (resp. value) of the converting paths whose set of distinct channels is a subset of S:
 * v(S) = Σ_{T ⊆ S} w(T), with w(T) the outcome of paths whose channel set is exactly T. v(∅) = 0,
 * v(all channels) = all conversions, so Shapley credits add up to observed conversions.
 *
 * <p>{@link #exact} evaluates the Shapley formula over all 2ⁿ coalitions. {@link #simplified} is
 * the closed form of Zhao et al. (2018, "Shapley value methods for attribution modeling in online
 * advertising"): each converting path's outcome split equally among its distinct channels,
 * φ_i = Σ_{T ∋ i} w(T) / |T|. Because the path-set game is a sum of unanimity games w(T)·u_T, the
 * two are mathematically identical; the exact computation is kept as the general engine (and as a
 * check on the closed form), the simplified one for when there are more than 20 channels.
 * Neither uses non-converting journeys: path-set Shapley credits conversions, it does not
 * estimate incrementality.
 */
public final class ShapleyAttribution {

  private ShapleyAttribution() {}

  public static ModelCredits exact(PathSet paths) {
    ChannelCoalitions coalitions = ChannelCoalitions.of(paths);
    int players = coalitions.players();
    double[] conversions = ShapleyValues.exact(ChannelCoalitions.subsetSums(coalitions.exactConversions, players), players);
    double[] value = ShapleyValues.exact(ChannelCoalitions.subsetSums(coalitions.exactValue, players), players);
    CreditTally tally = new CreditTally(paths.channelCount());
    for (int player = 0; player < players; player++) {
      tally.credit(coalitions.playerChannel[player], conversions[player], value[player]);
    }
    return tally.toCredits("shapley", paths);
  }

  public static ModelCredits simplified(PathSet paths) {
    CreditTally tally = new CreditTally(paths.channelCount());
    DistinctChannels distinct = new DistinctChannels(paths.channelCount());
    for (ConversionPath path : paths.paths()) {
      if (path.conversions() == 0 && path.value() == 0) {
        continue;
      }
      int[] channels = distinct.of(path);
      double fraction = 1.0 / channels.length;
      for (int channel : channels) {
        tally.credit(channel, fraction, path);
      }
    }
    return tally.toCredits("shapley_simplified", paths);
  }
}
