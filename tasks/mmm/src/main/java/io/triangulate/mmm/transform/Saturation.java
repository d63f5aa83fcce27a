package io.triangulate.mmm.transform;

/**
 * Diminishing returns: maps adstocked (scaled) spend {@code x ≥ 0} to a response in {@code [0, 1)}
 * that is 0 at no spend and approaches 1 as spend grows. A channel's effect is {@code β · f(x)},
 * so {@code β} is the channel's ceiling: the most it could add per period at unlimited spend.
 */
public interface Saturation {

  SaturationKind kind();

  /** The parameters in the order of {@link SaturationKind#parameterNames()}. */
  double[] parameters();

  double value(double x);

  /** {@code df/dx}, the marginal response per unit of (scaled) spend. */
  double derivative(double x);

  /** Writes {@code df/dθ_p} for each parameter into {@code out}. */
  void parameterGradient(double x, double[] out);

  /**
   * Everything at once, for the sampler's inner loop: returns {@code f(x)}, writes {@code df/dx}
   * into {@code out[0]} and {@code df/dθ_p} into {@code out[1 + p]}. Implementations share the
   * expensive exponentials between the three.
   */
  default double evaluate(double x, double[] out) {
    out[0] = derivative(x);
    double[] gradient = new double[kind().parameterCount()];
    parameterGradient(x, gradient);
    System.arraycopy(gradient, 0, out, 1, gradient.length);
    return value(x);
  }
}
