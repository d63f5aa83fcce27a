package io.triangulate.mmm.transform;

/**
 * Carryover ("adstock"): the effect of one period's spend is spread over that period and the next
 * {@link #maxLag()} periods.
 *
 * <p>Convention used everywhere in Triangulate: the lag weights {@code w_0 … w_maxLag} are
 * <b>normalised to sum to one</b>. Adstock therefore moves spend in time without creating or
 * destroying it: a constant spend {@code s} per period has steady-state adstock exactly {@code s},
 * and the coefficient in front of the saturation curve keeps one meaning across decay rates. (This
 * is PyMC-Marketing's {@code normalize=True}; its {@code l_max} equals {@code maxLag + 1}.) Spend
 * before the first observed period is taken as zero.
 */
public interface Adstock {

  AdstockKind kind();

  /** The largest lag with a weight: weights exist for lags {@code 0 … maxLag}. */
  int maxLag();

  /** The parameters in the order of {@link AdstockKind#parameterNames()}. */
  double[] parameters();

  /** Lag weights {@code w_0 … w_maxLag}; they sum to one. */
  double[] weights();

  /**
   * Derivatives of the weights with respect to each parameter: {@code [parameter][lag]}. Each row
   * sums to zero, because the weights always sum to one.
   */
  double[][] weightGradients();

  /** Adstocked series: {@code a_t = Σ_l w_l x_{t-l}}. */
  default double[] apply(double[] x) {
    return Convolution.apply(x, weights());
  }

  /**
   * Normalises raw weights {@code u} and their parameter derivatives {@code du} in place of new
   * arrays: {@code w = u / Σu}, {@code dw = (du − w Σdu) / Σu}.
   */
  static double[][] normalised(double[] u, double[][] du) {
    double total = 0;
    for (double v : u) {
      total += v;
    }
    double[] w = new double[u.length];
    for (int l = 0; l < u.length; l++) {
      w[l] = u[l] / total;
    }
    double[][] out = new double[du.length + 1][];
    out[0] = w;
    for (int p = 0; p < du.length; p++) {
      double dTotal = 0;
      for (double v : du[p]) {
        dTotal += v;
      }
      double[] dw = new double[u.length];
      for (int l = 0; l < u.length; l++) {
        dw[l] = (du[p][l] - w[l] * dTotal) / total;
      }
      out[p + 1] = dw;
    }
    return out;
  }
}
