package io.triangulate.mmm.transform;

/**
 * Logistic saturation {@code f(x) = (1 − e^{−λx}) / (1 + e^{−λx}) = tanh(λx/2)}, as in
 * PyMC-Marketing. Concave for {@code x ≥ 0}; slope {@code λ/2} at zero. Negative inputs give 0.
 */
public final class LogisticSaturation implements Saturation {

  private final double lambda;

  public LogisticSaturation(double lambda) {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("logistic lambda must be positive, got " + lambda);
    }
    this.lambda = lambda;
  }

  @Override
  public SaturationKind kind() {
    return SaturationKind.LOGISTIC;
  }

  @Override
  public double[] parameters() {
    return new double[] {lambda};
  }

  @Override
  public double value(double x) {
    if (x <= 0) {
      return 0;
    }
    // One exp instead of Math.tanh, which is several times slower and this runs in every leapfrog step.
    double e = Math.exp(-lambda * x);
    return (1 - e) / (1 + e);
  }

  @Override
  public double derivative(double x) {
    double v = value(x);
    return 0.5 * lambda * (1 - v * v);
  }

  @Override
  public void parameterGradient(double x, double[] out) {
    double v = value(x);
    out[0] = x <= 0 ? 0 : 0.5 * x * (1 - v * v);
  }

  @Override
  public double evaluate(double x, double[] out) {
    double v = value(x);
    double oneMinusSquare = 1 - v * v;
    out[0] = 0.5 * lambda * oneMinusSquare;
    out[1] = x <= 0 ? 0 : 0.5 * x * oneMinusSquare;
    return v;
  }
}
