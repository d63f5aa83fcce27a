package io.triangulate.mmm.bayes;

import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;

/**
 * The default priors, on the model's internal scale: target divided by its largest absolute value
 * (so a typical week is 0.3–1), spend divided by the channel's largest period (so 1 = peak spend),
 * baseline columns standardised. They are weakly informative: each rules out only what is
 * implausible on that scale.
 *
 * <ul>
 *   <li>intercept ~ Normal(0, 2): the baseline at average controls is somewhere within ±4 peaks.
 *   <li>control / trend / seasonality coefficients ~ Normal(0, 1) per standard deviation of the column.
 *   <li>channel β ~ HalfNormal(1): non-negative (more spend never lowers sales here), and a single
 *       channel's weekly ceiling above the largest week's sales is unlikely.
 *   <li>geometric decay ~ Beta(1, 3): mean 0.25, most carryover fades within a few periods
 *       (PyMC-Marketing's default), but decays up to 0.9 keep real prior mass.
 *   <li>Weibull shape ~ LogNormal(0, 1), scale ~ LogNormal(log 2, 1) periods: centred on geometric-
 *       like decay over a couple of periods, wide enough for delayed peaks.
 *   <li>logistic λ ~ Gamma(3, 1): mean 3, i.e. half-saturation near 0.37 of peak spend
 *       (PyMC-Marketing's default); Gamma(3, ·) keeps λ away from 0, where β and λ trade off.
 *   <li>Hill / Michaelis-Menten half-saturation ~ LogNormal(log 0.5, 1) of peak spend; Hill shape
 *       ~ LogNormal(0, 0.5): concave (≤ 1) and mildly S-shaped curves both plausible.
 *   <li>noise σ ~ HalfNormal(0.5).
 * </ul>
 *
 * <p>{@link #signed} replaces the channel prior with β ~ Normal(0, 1): for worlds where media can
 * lower sales (a creative that annoys, cannibalised organic demand; the simulator's negative-lift
 * campaigns) a non-negative β cannot cover the truth, and with no effect at all its interval
 * cannot reach zero.
 *
 * <p>The channel prior is placed on the coordinate {@link MmmPosterior} samples, the channel's
 * mean contribution θ = β·mean(f) on the target's scale (max |y| = 1), not on the curve's β.
 */
public record Priors(
    Prior intercept, Prior control, Prior beta, Prior[] adstock, Prior[] saturation, Prior sigma) {

  /** The defaults with β ~ Normal(0, 1): a channel's effect may be negative or zero. */
  public static Priors signed(AdstockKind adstockKind, SaturationKind saturationKind) {
    Priors d = defaults(adstockKind, saturationKind);
    return new Priors(d.intercept(), d.control(), new Prior.Normal(0, 1), d.adstock(), d.saturation(), d.sigma());
  }

  public static Priors defaults(AdstockKind adstockKind, SaturationKind saturationKind) {
    Prior[] adstock = switch (adstockKind) {
      case GEOMETRIC -> new Prior[] {new Prior.Beta(1, 3)};
      case WEIBULL_CDF, WEIBULL_PDF -> new Prior[] {new Prior.LogNormal(0, 1), new Prior.LogNormal(Math.log(2), 1)};
    };
    Prior[] saturation = switch (saturationKind) {
      case LOGISTIC -> new Prior[] {new Prior.Gamma(3, 1)};
      case HILL -> new Prior[] {new Prior.LogNormal(Math.log(0.5), 1), new Prior.LogNormal(0, 0.5)};
      case MICHAELIS_MENTEN -> new Prior[] {new Prior.LogNormal(Math.log(0.5), 1)};
    };
    return new Priors(
        new Prior.Normal(0, 2), new Prior.Normal(0, 1), new Prior.HalfNormal(1), adstock, saturation,
        new Prior.HalfNormal(0.5));
  }
}
