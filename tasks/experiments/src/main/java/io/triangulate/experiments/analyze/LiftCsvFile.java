package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvWriter;
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

  private LiftCsvFile() {}

  static void write(Path file, List<ArmLift> lifts, boolean segmented) {
    try (CsvWriter csv = CsvWriter.open(file, segmented ? prepend("segment", COLUMNS) : COLUMNS)) {
      for (ArmLift lift : lifts) {
        List<String> values =
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
                number(lift.pValue()));
        csv.row((segmented ? prepend(lift.segment(), values) : values).toArray());
      }
    } catch (UncheckedIOException e) {
      throw new TaskFailure(file + ": cannot write: " + e.getCause().getMessage(), e);
    }
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }
}
