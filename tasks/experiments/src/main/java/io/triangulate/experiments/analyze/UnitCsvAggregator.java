package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvFormatException;
import io.triangulate.core.csv.CsvReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Streams a unit-level CSV (one row per unit: its arm, optional segment and outcome) into per-arm
 * sums, so memory stays constant however many units the file holds. Every problem is reported as
 * {@code file:line[:column]: what}, the form editors and terminals make clickable.
 */
final class UnitCsvAggregator {

  private final Path file;
  private final String armColumn;
  private final String outcomeColumn;
  private final String segmentColumn; // null: not segmented
  private final String covariateColumn; // null: no covariate

  UnitCsvAggregator(Path file, String armColumn, String outcomeColumn, String segmentColumn) {
    this(file, armColumn, outcomeColumn, segmentColumn, null);
  }

  /**
   * @param armColumn null to read every unit into one arm named "" (for a baseline)
   * @param covariateColumn a pre-period covariate for CUPED (option --covariate), or null
   */
  UnitCsvAggregator(Path file, String armColumn, String outcomeColumn, String segmentColumn, String covariateColumn) {
    this.file = file;
    this.armColumn = armColumn;
    this.outcomeColumn = outcomeColumn;
    this.segmentColumn = segmentColumn;
    this.covariateColumn = covariateColumn;
  }

  ArmOutcomes read() {
    try (CsvReader csv =
        new CsvReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      return aggregate(csv);
    } catch (CsvFormatException e) {
      throw new TaskFailure(file + ":" + e.line() + ": " + e.problem());
    } catch (NoSuchFileException e) {
      throw new TaskFailure(file + ": no such file");
    } catch (IOException e) {
      throw new TaskFailure(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private ArmOutcomes aggregate(CsvReader csv) throws IOException {
    CsvReader.Row headerRow = csv.next();
    if (headerRow == null) {
      throw new TaskFailure(file + ": the file is empty; expected a header row naming the columns");
    }
    List<String> header = headerRow.fields();
    int armIndex = armColumn == null ? -1 : columnIndex(header, armColumn, "--arm-col");
    int outcomeIndex = columnIndex(header, outcomeColumn, "--outcome");
    int segmentIndex = segmentColumn == null ? -1 : columnIndex(header, segmentColumn, "--segment-col");
    int covariateIndex = covariateColumn == null ? -1 : columnIndex(header, covariateColumn, "--covariate");
    double covariateMin = Double.POSITIVE_INFINITY;
    double covariateMax = Double.NEGATIVE_INFINITY;

    SortedMap<String, SortedMap<String, OutcomeSums>> bySegment = new TreeMap<>();
    TreeSet<String> armValues = new TreeSet<>();
    boolean binary = true;
    long rows = 0;
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      rows++;
      List<String> record = row.fields();
      if (record.size() != header.size()) {
        throw new TaskFailure(
            String.format(
                "%s:%d: row has %d fields but the header has %d", file, row.line(), record.size(), header.size()));
      }
      double outcome = parseNumber(record.get(outcomeIndex), row.line(), outcomeIndex, "outcome", outcomeColumn);
      binary &= outcome == 0.0 || outcome == 1.0;
      String arm = armIndex < 0 ? "" : record.get(armIndex);
      if (armIndex >= 0 && arm.isBlank()) {
        throw new TaskFailure(
            String.format(
                "%s:%d:%d: arm column \"%s\" is empty; every unit needs an arm",
                file, row.line(), armIndex + 1, armColumn));
      }
      String segment = segmentIndex < 0 ? ArmOutcomes.UNSEGMENTED : record.get(segmentIndex);
      armValues.add(arm);
      OutcomeSums sums =
          bySegment.computeIfAbsent(segment, s -> new TreeMap<>()).computeIfAbsent(arm, a -> new OutcomeSums());
      if (covariateIndex < 0) {
        sums.add(outcome);
      } else {
        double covariate =
            parseNumber(record.get(covariateIndex), row.line(), covariateIndex, "covariate", covariateColumn);
        covariateMin = Math.min(covariateMin, covariate);
        covariateMax = Math.max(covariateMax, covariate);
        sums.add(outcome, covariate);
      }
    }
    if (rows == 0) {
      throw new TaskFailure(file + ": the file has a header but no data rows");
    }
    if (covariateIndex >= 0 && covariateMin == covariateMax) {
      throw new TaskFailure(
          String.format(
              "%s: covariate column \"%s\" (from --covariate) is constant (every row holds %s): a covariate with"
                  + " zero variance cannot adjust anything; choose a pre-period column that varies between units",
              file, covariateColumn, LiftCsvFile.number(covariateMin)));
    }
    return new ArmOutcomes(file.toString(), rows, bySegment, armValues, binary);
  }

  private int columnIndex(List<String> header, String column, String option) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new TaskFailure(
          String.format(
              "%s:1: no column \"%s\" (from %s); the header has: %s", file, column, option, String.join(", ", header)));
    }
    return index;
  }

  private double parseNumber(String text, long line, int index, String role, String column) {
    // The common 0/1 case skips the general parser.
    if (text.equals("0")) {
      return 0.0;
    }
    if (text.equals("1")) {
      return 1.0;
    }
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TaskFailure(
        String.format(
            "%s:%d:%d: %s column \"%s\" must hold numbers, found \"%s\"", file, line, index + 1, role, column, text));
  }
}
