package io.triangulate.experiments.stats;

/**
 * CUPED (Deng, Xu, Kohavi &amp; Walker 2013, "Improving the sensitivity of online controlled
 * experiments by utilizing pre-experiment data"): regression adjustment of a difference in means on
 * a pre-period covariate x that the treatment cannot have affected.
 *
 * <p>θ is the pooled within-arm slope Σ_arms Σ(x−x̄)(y−ȳ) / Σ_arms Σ(x−x̄)². With it the adjusted
 * difference (ȳ_t − ȳ_c) − θ(x̄_t − x̄_c) is exactly the treatment coefficient of the OLS regression
 * y ~ 1 + treatment + x (Frisch–Waugh–Lovell: the x-slope of that regression is the pooled
 * within-arm slope). The standard error is Welch-type on the adjusted outcome a = y − θx, per arm
 * s²_a = s²_y − 2θ s_xy + θ² s²_x (θ treated as known: its estimation error is O(1/n) and
 * negligible at experiment sizes), so unequal variances between arms are allowed.
 *
 * <p>Undefined cases return NaN plus a note, never throw: an empty arm, fewer than 2 units in an
 * arm. A covariate with zero within-arm variance (constant, e.g. nobody ordered in the pre-period)
 * cannot adjust anything: θ = 0, the adjusted figures equal the unadjusted ones and a note says so.
 * Callers that must refuse such input (the CLI) check {@link #covariateVaries} first.
 */
public final class Cuped {

  private Cuped() {}

  /** Adjusted and unadjusted comparison of treated versus control. */
  public static CupedEstimate estimate(CovariateArm treated, CovariateArm control, ConfidenceLevel level) {
    throw new UnsupportedOperationException("step 2");
  }

  /** True when the covariate has non-zero variance within the arms, i.e. CUPED can adjust. */
  public static boolean covariateVaries(CovariateArm treated, CovariateArm control) {
    return treated.centredXX() + control.centredXX() > 0;
  }
}
