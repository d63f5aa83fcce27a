package io.triangulate.attribution.shapley;

/**
 * Ordered-Shapley credit of a channel at a position (1 = the first distinct channel of a path).
 */
public record PositionCredit(String channel, int position, double conversions, double value) {}
