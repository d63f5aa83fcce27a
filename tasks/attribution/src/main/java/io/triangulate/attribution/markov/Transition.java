package io.triangulate.attribution.markov;

/** One row of a fitted transition matrix; states are named as in {@link MarkovChain#stateName}. */
public record Transition(String from, String to, double probability) {}
