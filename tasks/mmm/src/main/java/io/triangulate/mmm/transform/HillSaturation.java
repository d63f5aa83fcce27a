package io.triangulate.mmm.transform;

/**
 * Hill curve {@code f(x) = x^s / (x^s + K^s)}: {@code f(K) = 1/2}. Shape {@code s ≤ 1} is concave;
 * {@code s > 1} is S-shaped (a threshold before spend starts to work). Negative inputs give 0.
 */
public final class HillSaturation implements Saturation {

  private final double halfSaturation;
  private final double shape;

  public HillSaturation(double halfSaturation, double shape) {
    if (!(halfSaturation > 0) || !(shape > 0)) {
      throw new IllegalArgumentException(
          "Hill half-saturation and shape must be positive, got " + halfSaturation + ", " + shape);
    }
    this.halfSaturation = halfSaturation;
    this.shape = shape;
  }

  @Override
  public SaturationKind kind() {
    return SaturationKind.HILL;
  }

  @Override
  public double[] parameters() {
    return new double[] {halfSaturation, shape};
  }

  @Override
  public double value(double x) {
    if (x <= 0) {
      return 0;
    }
    double r = Math.pow(x / halfSaturation, shape);
    return r / (1 + r);
  }

  @Override
  public double derivative(double x) {
    if (x <= 0) {
      if (shape > 1) {
        return 0;
      }
      // s = 1 has slope 1/K at zero; s < 1 is vertical there, so report a large finite slope.
      return shape == 1 ? 1 / halfSaturation : 1e12;
    }
    double r = Math.pow(x / halfSaturation, shape);
    double onePlus = 1 + r;
    return shape * r / (x * onePlus * onePlus);
  }

  @Override
  public double evaluate(double x, double[] out) {
    if (x <= 0) {
      out[0] = derivative(x);
      out[1] = 0;
      out[2] = 0;
      return 0;
    }
    double logRatio = Math.log(x / halfSaturation);
    double r = Math.exp(shape * logRatio);
    double onePlus = 1 + r;
    double dfdr = 1 / (onePlus * onePlus);
    out[0] = shape * r * dfdr / x;
    out[1] = -dfdr * shape * r / halfSaturation;
    out[2] = dfdr * r * logRatio;
    return r / onePlus;
  }

  @Override
  public void parameterGradient(double x, double[] out) {
    if (x <= 0) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    double ratio = x / halfSaturation;
    double r = Math.pow(ratio, shape);
    double onePlus = 1 + r;
    double dfdr = 1 / (onePlus * onePlus);
    out[0] = -dfdr * shape * r / halfSaturation;
    out[1] = dfdr * r * Math.log(ratio);
  }
}
