package io.triangulate.geo.stats;

/**
 * Conformal inference for a constant treatment effect over the test window (Chernozhukov, Wüthrich
 * and Zhu 2021, "An Exact and Robust Conformal Inference Method for Counterfactual and Synthetic
 * Controls", JASA). For a hypothesised effect θ, the treated series is adjusted to {@code y − θ} in
 * the test periods, the (augmented) synthetic control is refitted on all periods, pre and test, and
 * the residuals u are compared with their moving-block (cyclic) permutations {@code u_{(t+j) mod T}}:
 * the p-value is the share of the T permutations whose statistic is at least the observed one. The
 * statistic is {@code |Σ_{t∈test} u_t|}, the test of the average effect, so for a time-varying
 * effect the interval is approximately one for its average. The confidence set {θ : p(θ) > α} is
 * found by stepping out from the point estimate and bisecting each boundary.
 */
public final class ConformalInference {

  private final double[] target; // the treated series over all analysed periods
  private final int prePeriods;
  private final SyntheticControl model;
  private double[] warm;

  /**
   * @param target treated series, pre then test periods
   * @param donorSeries donors × the same periods
   * @param lambda the ridge penalty chosen on the pre-period (AUGSC)
   */
  public ConformalInference(
      double[] target, double[][] donorSeries, int prePeriods, GeoMethod method, boolean fixedEffects, double lambda) {
    if (prePeriods < 1 || prePeriods >= target.length) {
      throw new IllegalArgumentException("need pre and test periods, got " + prePeriods + " of " + target.length);
    }
    this.target = target;
    this.prePeriods = prePeriods;
    this.model = new SyntheticControl(donorSeries, method, fixedEffects, method == GeoMethod.AUGSC ? lambda : 1);
  }

  /** Permutation p-value of H₀: the effect is θ in every test period. */
  public double pValue(double theta) {
    return pValue(target, theta);
  }

  /**
   * The same test for another treated series over the same periods and donors (power simulations
   * insert effects into one history and reuse the donor-side fit).
   */
  public double pValue(double[] target, double theta) {
    int periods = target.length;
    if (periods != this.target.length) {
      throw new IllegalArgumentException("target has " + periods + " periods, expected " + this.target.length);
    }
    double[] adjusted = target.clone();
    for (int t = prePeriods; t < periods; t++) {
      adjusted[t] -= theta;
    }
    SyntheticControl.Fit fit = model.fit(adjusted, warm);
    warm = fit.scWeights();
    double[] fitted = model.fitted(fit);
    double[] u = new double[periods];
    for (int t = 0; t < periods; t++) {
      u[t] = adjusted[t] - fitted[t];
    }
    return blockPermutationPValue(u, prePeriods);
  }

  /**
   * Share of cyclic shifts j = 0…T−1 whose window statistic {@code |Σ_{t ≥ T₀} u_{(t+j) mod T}|} is
   * at least the unshifted one (j = 0 counts, so p ≥ 1/T).
   */
  public static double blockPermutationPValue(double[] u, int prePeriods) {
    int periods = u.length;
    int window = periods - prePeriods;
    // Sum over the window starting at s (cyclic), by a running sum.
    double[] doubled = new double[2 * periods + 1];
    for (int t = 0; t < 2 * periods; t++) {
      doubled[t + 1] = doubled[t] + u[t % periods];
    }
    double observed = Math.abs(doubled[prePeriods + window] - doubled[prePeriods]);
    double tolerance = 1e-12 * (1 + observed);
    int atLeast = 0;
    for (int j = 0; j < periods; j++) {
      int start = prePeriods + j;
      double s = Math.abs(doubled[start + window] - doubled[start]);
      if (s >= observed - tolerance) {
        atLeast++;
      }
    }
    return (double) atLeast / periods;
  }

  /** A closed interval of effects, and whether its search hit a limit. */
  public record EffectSet(double low, double high, boolean bounded) {}

  /**
   * The confidence set of a constant effect at level {@code 1 − alpha}, searched around
   * {@code centre} in steps of {@code scale} (e.g. the pre-period RMSE over √test periods).
   */
  public EffectSet interval(double alpha, double centre, double scale) {
    double step = scale > 0 && Double.isFinite(scale) ? scale : Math.max(Math.abs(centre), 1) * 1e-3;
    double start = centre;
    if (!(pValue(start) > alpha)) {
      // The point estimate itself is rejected (rare): look nearby for an accepted effect.
      boolean found = false;
      for (int k = 1; k <= 40 && !found; k++) {
        for (double candidate : new double[] {centre - k * step * 0.25, centre + k * step * 0.25}) {
          if (pValue(candidate) > alpha) {
            start = candidate;
            found = true;
            break;
          }
        }
      }
      if (!found) {
        return new EffectSet(centre, centre, false);
      }
    }
    double[] high = boundary(alpha, start, step);
    double[] low = boundary(alpha, start, -step);
    return new EffectSet(low[0], high[0], high[1] > 0 && low[1] > 0);
  }

  /** {boundary, 1 if found within the search limit}. */
  private double[] boundary(double alpha, double start, double step) {
    double accepted = start;
    double rejected = Double.NaN;
    double h = step;
    for (int k = 0; k < 200; k++) {
      double candidate = accepted + h;
      if (pValue(candidate) > alpha) {
        accepted = candidate;
        if (k >= 8) {
          h *= 1.5; // wide sets: grow the step
        }
      } else {
        rejected = candidate;
        break;
      }
    }
    if (Double.isNaN(rejected)) {
      return new double[] {accepted, 0};
    }
    for (int k = 0; k < 30 && Math.abs(rejected - accepted) > 1e-2 * Math.abs(step); k++) {
      double mid = 0.5 * (accepted + rejected);
      if (pValue(mid) > alpha) {
        accepted = mid;
      } else {
        rejected = mid;
      }
    }
    // The set's edge lies between the last accepted and first rejected effect: report the midpoint.
    return new double[] {0.5 * (accepted + rejected), 1};
  }
}
