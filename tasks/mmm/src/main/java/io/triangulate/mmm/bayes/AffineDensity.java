package io.triangulate.mmm.bayes;

/**
 * Preconditioning: the density of {@code φ} where {@code x = L·φ} for a lower-triangular
 * {@code L} (the Cholesky factor of the adapted covariance). Sampling {@code φ} with an identity
 * metric is the same as sampling {@code x} with metric {@code (LLᵀ)⁻¹}; the constant Jacobian does
 * not matter. Gradient: {@code ∇_φ = Lᵀ ∇_x}.
 */
final class AffineDensity implements LogDensity {

  private final LogDensity inner;
  private final double[][] cholesky;
  private final double[] x;
  private final double[] gradX;

  AffineDensity(LogDensity inner, double[][] cholesky) {
    this.inner = inner;
    this.cholesky = cholesky;
    this.x = new double[inner.dimension()];
    this.gradX = new double[inner.dimension()];
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public double evaluate(double[] phi, double[] gradient) {
    toX(phi, x);
    double logp = inner.evaluate(x, gradX);
    int d = phi.length;
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = j; i < d; i++) {
        s += cholesky[i][j] * gradX[i];
      }
      gradient[j] = s;
    }
    return logp;
  }

  void toX(double[] phi, double[] out) {
    int d = phi.length;
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int j = 0; j <= i; j++) {
        s += cholesky[i][j] * phi[j];
      }
      out[i] = s;
    }
  }

  double[] toPhi(double[] xValue) {
    int d = xValue.length;
    double[] phi = new double[d];
    for (int i = 0; i < d; i++) {
      double s = xValue[i];
      for (int j = 0; j < i; j++) {
        s -= cholesky[i][j] * phi[j];
      }
      phi[i] = s / cholesky[i][i];
    }
    return phi;
  }

  static double[][] identity(int d) {
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      l[i][i] = 1;
    }
    return l;
  }

  static double[][] cholesky(double[][] a) {
    int d = a.length;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new IllegalStateException("adapted covariance is not positive definite");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }
}
