package io.triangulate.mmm.transform;

/**
 * Geometric carryover: {@code w_l = θ^l / Σ_{j=0}^{L} θ^j} for lags {@code 0 … L}. With θ = 0.5
 * and L = 2 the weights are 4/7, 2/7, 1/7.
 */
public final class GeometricAdstock implements Adstock {

  private final double decay;
  private final int maxLag;
  private final double[] weights;
  private final double[][] gradients;

  public GeometricAdstock(double decay, int maxLag) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("geometric decay must be in [0, 1), got " + decay);
    }
    if (maxLag < 0) {
      throw new IllegalArgumentException("maxLag must be ≥ 0, got " + maxLag);
    }
    this.decay = decay;
    this.maxLag = maxLag;
    double[] u = new double[maxLag + 1];
    double[] du = new double[maxLag + 1];
    for (int l = 0; l <= maxLag; l++) {
      u[l] = Math.pow(decay, l);
      du[l] = l == 0 ? 0 : l * Math.pow(decay, l - 1);
    }
    double[][] normalised = Adstock.normalised(u, new double[][] {du});
    this.weights = normalised[0];
    this.gradients = new double[][] {normalised[1]};
  }

  public double decay() {
    return decay;
  }

  @Override
  public AdstockKind kind() {
    return AdstockKind.GEOMETRIC;
  }

  @Override
  public int maxLag() {
    return maxLag;
  }

  @Override
  public double[] parameters() {
    return new double[] {decay};
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[][] weightGradients() {
    return new double[][] {gradients[0].clone()};
  }

  @Override
  public double[] apply(double[] x) {
    return Convolution.apply(x, weights);
  }
}
