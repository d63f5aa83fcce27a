package io.triangulate.attribution.markov;

/**
 * How much of the chain's outcome disappears when a channel is removed (its states lead to null):
 * {@code 1 − P(conversion | removed) / P(conversion)}, and the same for expected conversion value.
 */
public record RemovalEffect(String channel, double conversions, double value) {}
