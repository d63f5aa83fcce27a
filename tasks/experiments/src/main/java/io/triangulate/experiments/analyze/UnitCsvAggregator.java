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

  UnitCsvAggregator(Path file, String armColumn, String outcomeColumn, String segmentColumn) {
    this.file = file;
    this.armColumn = armColumn;
    this.outcomeColumn = outcomeColumn;
    this.segmentColumn = segmentColumn;
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
    int armIndex = columnIndex(header, armColumn, "--arm-col");
    int outcomeIndex = columnIndex(header, outcomeColumn, "--outcome");
    int segmentIndex = segmentColumn == null ? -1 : columnIndex(header, segmentColumn, "--segment-col");

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
      double outcome = parseOutcome(record.get(outcomeIndex), row.line(), outcomeIndex);
      binary &= outcome == 0.0 || outcome == 1.0;
      String arm = record.get(armIndex);
      if (arm.isBlank()) {
        throw new TaskFailure(
            String.format(
                "%s:%d:%d: arm column \"%s\" is empty; every unit needs an arm",
                file, row.line(), armIndex + 1, armColumn));
      }
      String segment = segmentIndex < 0 ? ArmOutcomes.UNSEGMENTED : record.get(segmentIndex);
      armValues.add(arm);
      bySegment
          .computeIfAbsent(segment, s -> new TreeMap<>())
          .computeIfAbsent(arm, a -> new OutcomeSums())
          .add(outcome);
    }
    if (rows == 0) {
      throw new TaskFailure(file + ": the file has a header but no data rows");
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

  private double parseOutcome(String text, long line, int index) {
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
            "%s:%d:%d: outcome column \"%s\" must hold numbers, found \"%s\"",
            file, line, index + 1, outcomeColumn, text));
  }
}
