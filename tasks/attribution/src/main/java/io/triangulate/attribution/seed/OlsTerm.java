package io.triangulate.attribution.seed;

/** One coefficient of an OLS fit; {@code vif} is NaN for the intercept. */
public record OlsTerm(
    String term, double coefficient, double stdError, double ciLow, double ciHigh, double tValue, double pValue, double vif) {}
