package io.triangulate.attribution.markov;

import io.triangulate.attribution.ModelCredits;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Result of an order-k Markov model.
 *
 * @param conversionProbability P(conversion) per journey in the fitted chain; for a chain fitted
 *     by counting it equals total conversions / total journeys
 * @param removalEffects one per channel, in the path set's channel order
 */
public record MarkovAttribution(
    int order,
    ModelCredits credits,
    double conversionProbability,
    double valuePerJourney,
    List<RemovalEffect> removalEffects,
    List<Transition> transitions) {

  public MarkovAttribution {
    removalEffects = List.copyOf(removalEffects);
    transitions = List.copyOf(transitions);
  }

  public RemovalEffect removalEffect(String channel) {
    return removalEffects.stream()
        .filter(effect -> effect.channel().equals(channel))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no channel " + channel));
  }
}
