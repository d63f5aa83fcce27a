package io.triangulate.attribution.seed;

/** One point of a residual Q-Q plot: a standard-normal quantile and the residual quantile at the same probability. */
public record QqPoint(double probability, double theoretical, double residual) {}
