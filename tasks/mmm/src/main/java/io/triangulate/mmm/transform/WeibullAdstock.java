package io.triangulate.mmm.transform;

/**
 * Weibull carryover with shape {@code k} and scale {@code λ} (in periods), in two forms; both are
 * normalised over lags {@code 0 … L}. With {@code S(x) = exp(−(x/λ)^k)} the Weibull survival:
 *
 * <ul>
 *   <li>{@link Form#SURVIVAL} ("weibull_cdf"): {@code u_l = 1 − F(l) = S(l)}. The weight never
 *       rises; shape &lt; 1 gives a sharp drop then a long tail, shape &gt; 1 a plateau then a
 *       drop. With shape 1 it is geometric with decay {@code e^{−1/λ}}.
 *   <li>{@link Form#MASS} ("weibull_pdf"): {@code u_l = F(l+1) − F(l) = S(l) − S(l+1)}, the
 *       Weibull probability that the effect lands in period {@code l}. A discretised density: with
 *       shape &gt; 1 the peak comes after the spend period (near the mode {@code λ((k−1)/k)^{1/k}}),
 *       which is the delayed response of TV or out-of-home. Using interval mass rather than the
 *       density at integer lags keeps lag 0 finite for shape &lt; 1.
 * </ul>
 */
public final class WeibullAdstock implements Adstock {

  /** Which Weibull function sets the raw weights. */
  public enum Form {
    SURVIVAL,
    MASS
  }

  private final Form form;
  private final double shape;
  private final double scale;
  private final int maxLag;
  private final double[] weights;
  private final double[][] gradients;

  public WeibullAdstock(Form form, double shape, double scale, int maxLag) {
    if (!(shape > 0) || !(scale > 0) || Double.isInfinite(shape) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException(
          "Weibull shape and scale must be positive and finite, got " + shape + ", " + scale);
    }
    if (maxLag < 0) {
      throw new IllegalArgumentException("maxLag must be ≥ 0, got " + maxLag);
    }
    this.form = form;
    this.shape = shape;
    this.scale = scale;
    this.maxLag = maxLag;
    int size = maxLag + 1;
    // Survival and its derivatives at x = 0 … maxLag + 1.
    double[] s = new double[size + 1];
    double[] dsShape = new double[size + 1];
    double[] dsScale = new double[size + 1];
    for (int x = 0; x <= size; x++) {
      if (x == 0) {
        s[x] = 1;
        continue;
      }
      double ratio = x / scale;
      double power = Math.pow(ratio, shape);
      s[x] = Math.exp(-power);
      dsShape[x] = -s[x] * power * Math.log(ratio);
      dsScale[x] = s[x] * power * shape / scale;
    }
    double[] u = new double[size];
    double[] duShape = new double[size];
    double[] duScale = new double[size];
    for (int l = 0; l < size; l++) {
      if (form == Form.SURVIVAL) {
        u[l] = s[l];
        duShape[l] = dsShape[l];
        duScale[l] = dsScale[l];
      } else {
        // S(l) − S(l+1) without cancellation: S(l)·(1 − exp(−(H(l+1) − H(l)))).
        double hl = l == 0 ? 0 : Math.pow(l / scale, shape);
        double hNext = Math.pow((l + 1) / scale, shape);
        u[l] = -Math.exp(-hl) * Math.expm1(-(hNext - hl));
        duShape[l] = dsShape[l] - dsShape[l + 1];
        duScale[l] = dsScale[l] - dsScale[l + 1];
      }
    }
    double total = 0;
    for (double v : u) {
      total += v;
    }
    if (!(total > 1e-300)) {
      throw new IllegalArgumentException(
          "Weibull adstock with shape " + shape + " and scale " + scale
              + " puts no weight within " + maxLag + " lags; use a smaller scale or a larger max lag");
    }
    double[][] normalised = Adstock.normalised(u, new double[][] {duShape, duScale});
    this.weights = normalised[0];
    this.gradients = new double[][] {normalised[1], normalised[2]};
  }

  public Form form() {
    return form;
  }

  @Override
  public AdstockKind kind() {
    return form == Form.SURVIVAL ? AdstockKind.WEIBULL_CDF : AdstockKind.WEIBULL_PDF;
  }

  @Override
  public int maxLag() {
    return maxLag;
  }

  @Override
  public double[] parameters() {
    return new double[] {shape, scale};
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[][] weightGradients() {
    return new double[][] {gradients[0].clone(), gradients[1].clone()};
  }

  @Override
  public double[] apply(double[] x) {
    return Convolution.apply(x, weights);
  }
}
