package io.triangulate.experiments.analyze;

import io.triangulate.experiments.stats.Interval;
import java.util.List;

/**
 * One treatment arm (in one segment) against the control arm. For a numeric outcome the rates are
 * means and the lifts are mean differences.
 *
 * @param segment segment value, {@code null} when the analysis is not segmented
 * @param srmPValue sample-ratio-mismatch p-value of n versus control_n; NaN when not requested
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
    List<String> notes) {

  ArmLift {
    notes = List.copyOf(notes);
  }
}
