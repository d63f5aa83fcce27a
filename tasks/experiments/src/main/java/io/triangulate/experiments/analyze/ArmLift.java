package io.triangulate.experiments.analyze;

import io.triangulate.experiments.stats.BayesianResult;
import io.triangulate.experiments.stats.CupedEstimate;
import io.triangulate.experiments.stats.Interval;
import io.triangulate.experiments.stats.SampleRatioResult;
import java.util.List;

/**
 * One treatment arm (in one segment) against the control arm. For a numeric outcome the rates are
 * means and the lifts are mean differences.
 *
 * @param segment segment value, {@code null} when the analysis is not segmented
 * @param srmPValue sample-ratio-mismatch p-value of n versus control_n; NaN when not requested
 * @param cuped the covariate-adjusted comparison, {@code null} without --covariate
 * @param bayes chance to beat control and expected loss, {@code null} when an arm is empty
 * @param bhPValue Benjamini–Hochberg adjusted p-value across every row of the analysis (of the
 *     CUPED p-value when a covariate is given)
 * @param holmPValue Holm adjusted p-value, same family
 * @param segmentSrm all arms of the segment against the planned shares ({@code null} with one arm)
 * @param notes why some values are NaN, empty when none are
 */
record ArmLift(
    String segment,
    String arm,
    long n,
    long controlN,
    double rate,
    double controlRate,
    double absLift,
    Interval absLiftInterval,
    double relLift,
    double pValue,
    double srmPValue,
    CupedEstimate cuped,
    BayesianResult bayes,
    double bhPValue,
    double holmPValue,
    SampleRatioResult segmentSrm,
    List<String> notes) {

  ArmLift {
    notes = List.copyOf(notes);
  }

  /** The p-value the family adjustments use: CUPED's when adjusted, else the unadjusted one. */
  double primaryPValue() {
    return cuped == null ? pValue : cuped.pValue();
  }

  ArmLift withAdjustedPValues(double bh, double holm) {
    return new ArmLift(
        segment, arm, n, controlN, rate, controlRate, absLift, absLiftInterval, relLift, pValue, srmPValue, cuped, bayes,
        bh, holm, segmentSrm, notes);
  }
}
