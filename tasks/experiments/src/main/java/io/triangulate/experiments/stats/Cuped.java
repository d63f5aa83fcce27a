package io.triangulate.experiments.stats;

import java.util.ArrayList;
import java.util.List;

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
    List<String> notes = new ArrayList<>();
    MeanComparison unadjusted = MeanDifferenceTest.compare(treated.outcome(), control.outcome(), level);
    notes.addAll(unadjusted.notes());
    if (treated.n() < 2 || control.n() < 2) {
      if (unadjusted.notes().isEmpty()) {
        notes.add("an arm has fewer than 2 units: variance, interval and p-value undefined");
      }
      double difference = treated.n() == 0 || control.n() == 0 ? Double.NaN : unadjusted.difference();
      return new CupedEstimate(
          Double.NaN, Double.NaN, Interval.UNDEFINED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, difference,
          Double.NaN, Interval.UNDEFINED, Double.NaN, notes);
    }
    double sxx = treated.centredXX() + control.centredXX();
    double theta;
    if (sxx > 0) {
      theta = (treated.centredXY() + control.centredXY()) / sxx;
    } else {
      theta = 0;
      notes.add("covariate has zero variance within the arms: no adjustment (theta = 0)");
    }
    double meanXT = treated.sumX() / treated.n();
    double meanXC = control.sumX() / control.n();
    double difference = unadjusted.difference() - theta * (meanXT - meanXC);
    double varianceT = adjustedVariance(treated, theta);
    double varianceC = adjustedVariance(control, theta);
    double se = Math.sqrt(varianceT / treated.n() + varianceC / control.n());
    double z = level.criticalValue();

    double seUnadjusted =
        Math.sqrt(treated.outcome().sampleVariance() / treated.n() + control.outcome().sampleVariance() / control.n());
    double pValue = pValue(difference, se);
    double reduction = seUnadjusted > 0 ? 1 - (se * se) / (seUnadjusted * seUnadjusted) : Double.NaN;
    if (seUnadjusted == 0) {
      notes.add("the outcome has zero variance: variance reduction undefined");
    }
    double controlMean = control.sumY() / control.n();
    double relative = controlMean == 0 ? Double.NaN : difference / controlMean;
    if (controlMean == 0 && !notes.contains("control mean is 0: relative difference undefined")) {
      notes.add("control mean is 0: relative difference undefined");
    }
    return new CupedEstimate(
        difference,
        se,
        Interval.around(difference, z * se),
        pValue,
        relative,
        theta,
        reduction,
        unadjusted.difference(),
        seUnadjusted,
        unadjusted.differenceInterval(),
        unadjusted.pValue(),
        notes);
  }

  /** Sample variance of a = y − θx in one arm: (S_yy − 2θ S_xy + θ² S_xx) / (n − 1), clamped at 0. */
  private static double adjustedVariance(CovariateArm arm, double theta) {
    double centred = arm.centredYY() - 2 * theta * arm.centredXY() + theta * theta * arm.centredXX();
    return Math.max(0.0, centred) / (arm.n() - 1);
  }

  private static double pValue(double difference, double se) {
    if (se == 0) {
      return difference == 0 ? 1.0 : 0.0;
    }
    return StandardNormal.twoSidedPValue(difference / se);
  }

  /** True when the covariate has non-zero variance within the arms, i.e. CUPED can adjust. */
  public static boolean covariateVaries(CovariateArm treated, CovariateArm control) {
    return treated.centredXX() + control.centredXX() > 0;
  }
}
