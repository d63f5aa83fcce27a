package io.triangulate.mmm.transform;

/**
 * One channel's media transformation: adstock first, then saturation ({@code f(adstock(x))}). The
 * order matters: carryover accumulates spend, and the accumulated pressure is what saturates.
 */
public record MediaTransform(Adstock adstock, Saturation saturation) {

  public static MediaTransform of(
      AdstockKind adstockKind, double[] adstockParameters, int maxLag,
      SaturationKind saturationKind, double[] saturationParameters) {
    return new MediaTransform(
        adstockKind.create(adstockParameters, maxLag), saturationKind.create(saturationParameters));
  }

  /** Number of parameters: adstock's, then saturation's. */
  public int parameterCount() {
    return adstock.kind().parameterCount() + saturation.kind().parameterCount();
  }

  /** {@code f(adstock(x))_t} for each period. */
  public double[] response(double[] x) {
    double[] a = adstock.apply(x);
    for (int t = 0; t < a.length; t++) {
      a[t] = saturation.value(a[t]);
    }
    return a;
  }

  /**
   * The response and its Jacobian with respect to the transformation parameters (adstock's first,
   * then saturation's): {@code jacobian[p][t] = ∂f_t/∂θ_p}. Analytic, for gradient-based sampling.
   */
  public void responseWithGradient(double[] x, double[] value, double[][] jacobian) {
    int n = x.length;
    double[] weights = adstock.weights();
    double[][] weightGradients = adstock.weightGradients();
    int adstockParams = weightGradients.length;
    int saturationParams = saturation.kind().parameterCount();
    double[] adstocked = new double[n];
    Convolution.applyInto(x, weights, adstocked);
    double[] slope = new double[n];
    double[] local = new double[1 + saturationParams];
    for (int t = 0; t < n; t++) {
      value[t] = saturation.evaluate(adstocked[t], local);
      slope[t] = local[0];
      for (int q = 0; q < saturationParams; q++) {
        jacobian[adstockParams + q][t] = local[1 + q];
      }
    }
    double[] scratch = new double[n];
    for (int p = 0; p < adstockParams; p++) {
      Convolution.applyInto(x, weightGradients[p], scratch);
      double[] row = jacobian[p];
      for (int t = 0; t < n; t++) {
        row[t] = slope[t] * scratch[t];
      }
    }
  }

  /**
   * Steady-state response to a constant spend {@code s} per period. Because adstock weights sum to
   * one, constant spend adstocks to itself, so this is simply {@code f(s)}; the budget optimiser
   * relies on it to handle carryover.
   */
  public double steadyState(double spendPerPeriod) {
    return saturation.value(spendPerPeriod);
  }

  /** Derivative of {@link #steadyState} with respect to the spend per period. */
  public double steadyStateSlope(double spendPerPeriod) {
    return saturation.derivative(spendPerPeriod);
  }
}
