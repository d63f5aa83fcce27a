package io.triangulate.uplift.model;

import java.util.Locale;

/** The meta-learners: how outcome, propensity and effect models are combined into an uplift model. */
public enum Learner {
  /** One outcome model on (x, t); uplift = μ(x, 1) − μ(x, 0). */
  S,
  /** Two outcome models, one per arm; uplift = μ₁(x) − μ₀(x). */
  T,
  /**
   * Künzel, Sekhon, Bickel &amp; Yu (2019), PNAS 116(10): T-learner outcome models, imputed effects
   * D₁ = Y − μ₀(x) on the treated and D₀ = μ₁(x) − Y on the controls, an effect model per arm
   * (τ₁, τ₀), blended with the propensity g(x): τ = g·τ₀ + (1 − g)·τ₁.
   */
  X,
  /**
   * Kennedy (2020/2023), "Towards optimal doubly robust estimation of heterogeneous causal effects",
   * the DR-learner: cross-fitted propensity π and outcome models μ₀, μ₁ give the pseudo-outcome
   * φ = (t − π)/(π(1 − π))·(y − μₜ) + μ₁ − μ₀ for every row from models that did not see it; the
   * uplift model is the regression of φ on x.
   */
  DR;

  public static Learner parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "s" -> S;
      case "t" -> T;
      case "x" -> X;
      case "dr" -> DR;
      default -> throw new IllegalArgumentException("learner must be s, t, x or dr, got '" + text + "'");
    };
  }

  public String label() {
    return this == DR ? "DR-learner" : name() + "-learner";
  }
}
