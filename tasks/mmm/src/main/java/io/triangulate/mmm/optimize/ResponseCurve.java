package io.triangulate.mmm.optimize;

/**
 * A channel's steady-state response: incremental target per period as a function of a constant
 * spend per period, and its slope (marginal ROAS). Increasing; concave for logistic,
 * Michaelis-Menten and Hill with shape ≤ 1; S-shaped for Hill with shape &gt; 1.
 */
public interface ResponseCurve {

  double value(double spendPerPeriod);

  double slope(double spendPerPeriod);
}
