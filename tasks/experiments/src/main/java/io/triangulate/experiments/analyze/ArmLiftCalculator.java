package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.MeanComparison;
import io.triangulate.experiments.stats.MeanDifferenceTest;
import io.triangulate.experiments.stats.ProportionComparison;
import io.triangulate.experiments.stats.SampleRatioCheck;
import io.triangulate.experiments.stats.TwoProportionTest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns per-arm sums into one comparison per treatment arm and segment: proportion formulas for a
 * 0/1 outcome, mean-difference formulas otherwise. Rows come out sorted by segment, then arm.
 */
final class ArmLiftCalculator {

  private final String controlArm;
  private final ConfidenceLevel level;
  private final OptionalDouble expectedControlShare;

  ArmLiftCalculator(String controlArm, ConfidenceLevel level, OptionalDouble expectedControlShare) {
    this.controlArm = controlArm;
    this.level = level;
    this.expectedControlShare = expectedControlShare;
  }

  List<ArmLift> compare(ArmOutcomes data, boolean segmented) {
    if (!data.armValues().contains(controlArm)) {
      throw new TaskFailure(
          String.format(
              "%s: control value \"%s\" does not occur in the arm column; values found: %s",
              data.file(), controlArm, String.join(", ", data.armValues())));
    }
    List<ArmLift> lifts = new ArrayList<>();
    for (String segment : data.bySegment().keySet()) {
      OutcomeSums control = data.sums(segment, controlArm);
      for (String arm : data.armValues()) {
        if (!arm.equals(controlArm)) {
          lifts.add(compare(segmented ? segment : null, arm, data.sums(segment, arm), control, data.binary()));
        }
      }
    }
    return lifts;
  }

  private ArmLift compare(String segment, String arm, OutcomeSums treated, OutcomeSums control, boolean binary) {
    double srm = srmPValue(treated.n(), control.n());
    if (binary) {
      ProportionComparison c = TwoProportionTest.compare(treated.asBinary(), control.asBinary(), level);
      return new ArmLift(
          segment, arm, treated.n(), control.n(), c.treatedRate(), c.controlRate(), c.absoluteLift(),
          c.absoluteLiftInterval(), c.relativeLift(), c.pValue(), srm, c.notes());
    }
    MeanComparison c = MeanDifferenceTest.compare(treated.asContinuous(), control.asContinuous(), level);
    return new ArmLift(
        segment, arm, treated.n(), control.n(), c.treatedMean(), c.controlMean(), c.difference(),
        c.differenceInterval(), c.relativeDifference(), c.pValue(), srm, c.notes());
  }

  private double srmPValue(long treatedN, long controlN) {
    if (expectedControlShare.isEmpty()) {
      return Double.NaN;
    }
    return SampleRatioCheck.twoArms(treatedN, controlN, expectedControlShare.getAsDouble()).pValue();
  }
}
