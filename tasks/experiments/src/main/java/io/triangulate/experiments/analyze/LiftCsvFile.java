package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.experiments.stats.BayesianResult;
import io.triangulate.experiments.stats.CupedEstimate;
import io.triangulate.experiments.stats.SampleRatioResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes comparisons as CSV for machines: full double precision ({@link Double#toString}, which
 * round-trips exactly, so downstream tools can recompute from the file), and an empty field where a
 * value is undefined. Numbers are therefore handed to {@link CsvWriter} as text: its own ten-digit
 * rounding is for people, and this file's contract is exact values.
 */
final class LiftCsvFile {

  static final List<String> COLUMNS =
      List.of(
          "arm", "n", "control_n", "rate", "control_rate", "abs_lift", "abs_lift_ci_low", "abs_lift_ci_high",
          "rel_lift", "p_value");

  /** With --covariate, after {@link #COLUMNS}. */
  static final List<String> CUPED_COLUMNS =
      List.of(
          "cuped_abs_lift", "cuped_ci_low", "cuped_ci_high", "cuped_rel_lift", "cuped_p_value", "cuped_theta",
          "variance_reduction");

  /** Always, last. */
  static final List<String> EXTRA_COLUMNS =
      List.of("p_bh", "p_holm", "chance_to_beat", "expected_loss", "srm_chi_square", "srm_df", "srm_p");

  private LiftCsvFile() {}

  static List<String> header(boolean segmented, boolean covariate) {
    List<String> header = new ArrayList<>();
    if (segmented) {
      header.add("segment");
    }
    header.addAll(COLUMNS);
    if (covariate) {
      header.addAll(CUPED_COLUMNS);
    }
    header.addAll(EXTRA_COLUMNS);
    return header;
  }

  static void write(Path file, List<ArmLift> lifts, boolean segmented, boolean covariate) {
    try (CsvWriter csv = CsvWriter.open(file, header(segmented, covariate))) {
      for (ArmLift lift : lifts) {
        List<String> values = new ArrayList<>();
        if (segmented) {
          values.add(lift.segment());
        }
        values.addAll(
            List.of(
                lift.arm(),
                Long.toString(lift.n()),
                Long.toString(lift.controlN()),
                number(lift.rate()),
                number(lift.controlRate()),
                number(lift.absLift()),
                number(lift.absLiftInterval().low()),
                number(lift.absLiftInterval().high()),
                number(lift.relLift()),
                number(lift.pValue())));
        if (covariate) {
          CupedEstimate c = lift.cuped();
          values.addAll(
              List.of(
                  number(c.difference()),
                  number(c.interval().low()),
                  number(c.interval().high()),
                  number(c.relativeDifference()),
                  number(c.pValue()),
                  number(c.theta()),
                  number(c.varianceReduction())));
        }
        BayesianResult bayes = lift.bayes();
        SampleRatioResult srm = lift.segmentSrm();
        values.addAll(
            List.of(
                number(lift.bhPValue()),
                number(lift.holmPValue()),
                bayes == null ? "" : number(bayes.chanceToBeatControl()),
                bayes == null ? "" : number(bayes.expectedLossChoosingTreated()),
                srm == null ? "" : number(srm.chiSquare()),
                srm == null ? "" : Integer.toString(srm.degreesOfFreedom()),
                srm == null ? "" : number(srm.pValue())));
        csv.row(values.toArray());
      }
    } catch (UncheckedIOException e) {
      throw new TaskFailure(file + ": cannot write: " + e.getCause().getMessage(), e);
    }
  }

  static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }
}
