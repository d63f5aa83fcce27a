package io.triangulate.mmm.bayes;

/** An unnormalised log density on ℝ^d with its gradient, as gradient-based samplers need. */
public interface LogDensity {

  int dimension();

  /** Returns {@code log p(x)} and writes {@code ∇ log p(x)} into {@code gradient}. */
  double evaluate(double[] x, double[] gradient);
}
