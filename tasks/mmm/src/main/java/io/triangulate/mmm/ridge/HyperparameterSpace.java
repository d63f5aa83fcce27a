package io.triangulate.mmm.ridge;

import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.MediaTransform;
import io.triangulate.mmm.transform.SaturationKind;

/**
 * The ridge search space, mapped from the unit cube so the search itself is shape-agnostic. Per
 * channel: the adstock parameters, then the saturation parameters; last, the ridge penalty.
 * Ranges (saturation on spend scaled by the channel's maximum, so 1 = the largest period's spend):
 *
 * <ul>
 *   <li>geometric decay: 0 – 0.9 (Robyn's widest default; 0.9 already means a half-life of 6.6 periods)
 *   <li>Weibull shape: 0.3 – 5, log scale; Weibull scale: 0.5 – max lag periods, log scale
 *   <li>Hill half-saturation: 0.05 – 2, log scale; Hill shape: 0.5 – 3
 *   <li>logistic λ: 0.1 – 20, log scale (0.1 is practically linear, 20 saturates at a tenth of peak spend)
 *   <li>Michaelis-Menten half-saturation: 0.02 – 5, log scale
 *   <li>ridge λ (on standardised columns): 10⁻⁵ – 1, log scale
 * </ul>
 */
public final class HyperparameterSpace {

  /** Decoded candidate: per-channel transforms and the penalty. */
  public record Point(MediaTransform[] transforms, double lambda) {}

  private final ModelSpec spec;
  private final int channels;
  private final int perChannel;

  public HyperparameterSpace(ModelSpec spec, int channels) {
    this.spec = spec;
    this.channels = channels;
    this.perChannel = spec.adstock().parameterCount() + spec.saturation().parameterCount();
  }

  public int dimension() {
    return channels * perChannel + 1;
  }

  public Point decode(double[] u) {
    MediaTransform[] transforms = new MediaTransform[channels];
    for (int c = 0; c < channels; c++) {
      int offset = c * perChannel;
      double[] adstock = adstockParameters(u, offset);
      double[] saturation = saturationParameters(u, offset + spec.adstock().parameterCount());
      transforms[c] = MediaTransform.of(spec.adstock(), adstock, spec.maxLag(), spec.saturation(), saturation);
    }
    double lambda = logUniform(u[dimension() - 1], 1e-5, 1);
    return new Point(transforms, lambda);
  }

  private double[] adstockParameters(double[] u, int offset) {
    AdstockKind kind = spec.adstock();
    return switch (kind) {
      case GEOMETRIC -> new double[] {0.9 * u[offset]};
      case WEIBULL_CDF, WEIBULL_PDF -> new double[] {
          logUniform(u[offset], 0.3, 5), logUniform(u[offset + 1], 0.5, Math.max(1, spec.maxLag()))};
    };
  }

  private double[] saturationParameters(double[] u, int offset) {
    SaturationKind kind = spec.saturation();
    return switch (kind) {
      case HILL -> new double[] {logUniform(u[offset], 0.05, 2), 0.5 + 2.5 * u[offset + 1]};
      case LOGISTIC -> new double[] {logUniform(u[offset], 0.1, 20)};
      case MICHAELIS_MENTEN -> new double[] {logUniform(u[offset], 0.02, 5)};
    };
  }

  static double logUniform(double u, double low, double high) {
    return low * Math.pow(high / low, u);
  }
}
