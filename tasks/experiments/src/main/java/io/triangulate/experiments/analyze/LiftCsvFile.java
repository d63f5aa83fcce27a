package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.experiments.csv.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes comparisons as CSV for machines: full double precision ({@link Double#toString}, which
 * round-trips exactly), and an empty field where a value is undefined.
 */
final class LiftCsvFile {

  static final List<String> COLUMNS =
      List.of(
          "arm", "n", "control_n", "rate", "control_rate", "abs_lift", "abs_lift_ci_low", "abs_lift_ci_high",
          "rel_lift", "p_value");

  private LiftCsvFile() {}

  static void write(Path file, List<ArmLift> lifts, boolean segmented) {
    try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      csv.writeRecord(segmented ? prepend("segment", COLUMNS) : COLUMNS);
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
        csv.writeRecord(segmented ? prepend(lift.segment(), values) : values);
      }
    } catch (IOException e) {
      throw new TaskFailure(file + ": cannot write: " + e.getMessage(), e);
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
