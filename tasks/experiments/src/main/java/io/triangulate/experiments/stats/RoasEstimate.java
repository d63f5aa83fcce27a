package io.triangulate.experiments.stats;

/** Incremental return on ad spend: incremental revenue per unit of spend, with its interval. */
public record RoasEstimate(double value, Interval interval) {}
