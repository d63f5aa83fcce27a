package io.triangulate.mmm.transform;

/** Causal lag convolution with zero history before the first period. */
public final class Convolution {

  private Convolution() {}

  /** {@code y_t = Σ_{l=0}^{L-1} w_l x_{t-l}}, with {@code x_{t<0} = 0}. */
  public static double[] apply(double[] x, double[] w) {
    double[] y = new double[x.length];
    applyInto(x, w, y);
    return y;
  }

  /** As {@link #apply} but writes into {@code y} (hot loops avoid allocation). */
  public static void applyInto(double[] x, double[] w, double[] y) {
    int n = x.length;
    int lags = w.length;
    for (int t = 0; t < n; t++) {
      double sum = 0;
      int maxL = Math.min(lags - 1, t);
      for (int l = 0; l <= maxL; l++) {
        sum += w[l] * x[t - l];
      }
      y[t] = sum;
    }
  }
}
