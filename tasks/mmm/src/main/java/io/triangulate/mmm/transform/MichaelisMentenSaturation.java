package io.triangulate.mmm.transform;

/**
 * Michaelis-Menten curve {@code f(x) = x / (K + x)}: concave, {@code f(K) = 1/2}, slope {@code 1/K}
 * at zero. The special case shape = 1 of the Hill curve, with one parameter fewer to identify.
 */
public final class MichaelisMentenSaturation implements Saturation {

  private final double halfSaturation;

  public MichaelisMentenSaturation(double halfSaturation) {
    if (!(halfSaturation > 0)) {
      throw new IllegalArgumentException(
          "Michaelis-Menten half-saturation must be positive, got " + halfSaturation);
    }
    this.halfSaturation = halfSaturation;
  }

  @Override
  public SaturationKind kind() {
    return SaturationKind.MICHAELIS_MENTEN;
  }

  @Override
  public double[] parameters() {
    return new double[] {halfSaturation};
  }

  @Override
  public double value(double x) {
    return x <= 0 ? 0 : x / (halfSaturation + x);
  }

  @Override
  public double derivative(double x) {
    double d = halfSaturation + Math.max(x, 0);
    return halfSaturation / (d * d);
  }

  @Override
  public double evaluate(double x, double[] out) {
    double positive = Math.max(x, 0);
    double d = halfSaturation + positive;
    out[0] = halfSaturation / (d * d);
    out[1] = -positive / (d * d);
    return positive / d;
  }

  @Override
  public void parameterGradient(double x, double[] out) {
    if (x <= 0) {
      out[0] = 0;
      return;
    }
    double d = halfSaturation + x;
    out[0] = -x / (d * d);
  }
}
