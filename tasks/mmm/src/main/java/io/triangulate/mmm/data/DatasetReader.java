package io.triangulate.mmm.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed CSV into an {@link MmmDataset}, repairing what can be repaired and saying so.
 *
 * <p>Policy, chosen so that nothing is silently invented: a missing or empty spend or control cell
 * means "nothing happened" and becomes 0 (reported); negative spend (refunds, corrections) is
 * clamped to 0 (reported); rows out of date order are sorted (reported). A missing target, an
 * unparseable number or date, a duplicate date, an unknown column or a channel with no spend at all
 * stop the load with an error naming file, line and column, because any repair would change the
 * answer.
 */
public final class DatasetReader {

  private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "none", "n/a");
  private static final int MAX_LISTED = 8;

  private DatasetReader() {}

  /** The dataset and everything noticed while reading it. */
  public record Loaded(MmmDataset dataset, List<DataIssue> issues) {}

  public static Loaded read(CsvTable table, ColumnSpec spec) {
    checkDistinct(spec);
    int dateIndex = table.column(spec.dateColumn());
    int targetIndex = table.column(spec.target());
    int[] channelIndex = spec.channels().stream().mapToInt(table::column).toArray();
    int[] controlIndex = spec.controls().stream().mapToInt(table::column).toArray();
    DateTimeFormatter formatter =
        spec.datePattern() == null ? null : DateTimeFormatter.ofPattern(spec.datePattern(), Locale.ROOT);

    List<CsvTable.Row> rows = table.rows();
    int n = rows.size();
    if (n == 0) {
      throw new DataException(table.source() + ": no data rows after the header");
    }
    List<String> errors = new ArrayList<>();
    List<DataIssue> issues = new ArrayList<>();
    LocalDate[] dates = new LocalDate[n];
    double[] target = new double[n];
    double[][] spend = new double[channelIndex.length][n];
    double[][] controls = new double[controlIndex.length][n];
    List<Integer> missingTarget = new ArrayList<>();
    Map<String, List<Integer>> missingCells = new HashMap<>();
    Map<String, List<Integer>> negativeCells = new HashMap<>();

    for (int r = 0; r < n; r++) {
      CsvTable.Row row = rows.get(r);
      String dateText = row.cells().get(dateIndex).trim();
      try {
        dates[r] = parseDate(dateText, formatter);
      } catch (DateTimeParseException e) {
        errors.add(location(table, row, spec.dateColumn()) + "cannot read '" + dateText + "' as a date"
            + (formatter == null ? " (expected YYYY-MM-DD; use --date-format for others)" : " with pattern " + spec.datePattern()));
      }
      Double y = parseNumber(table, row, targetIndex, spec.target(), errors);
      if (y == null) {
        missingTarget.add(row.line());
      } else {
        target[r] = y;
      }
      for (int c = 0; c < channelIndex.length; c++) {
        String name = spec.channels().get(c);
        Double value = parseNumber(table, row, channelIndex[c], name, errors);
        if (value == null) {
          missingCells.computeIfAbsent(name, k -> new ArrayList<>()).add(row.line());
        } else if (value < 0) {
          negativeCells.computeIfAbsent(name, k -> new ArrayList<>()).add(row.line());
        } else {
          spend[c][r] = value;
        }
      }
      for (int k = 0; k < controlIndex.length; k++) {
        String name = spec.controls().get(k);
        Double value = parseNumber(table, row, controlIndex[k], name, errors);
        if (value == null) {
          missingCells.computeIfAbsent(name, key -> new ArrayList<>()).add(row.line());
        } else {
          controls[k][r] = value;
        }
      }
    }
    if (!missingTarget.isEmpty()) {
      errors.add(table.source() + ": target '" + spec.target() + "' is missing on line(s) " + lines(missingTarget)
          + "; fill or drop those periods (a target cannot be imputed without changing the answer)");
    }
    failIfAny(errors);

    for (Map.Entry<String, List<Integer>> e : missingCells.entrySet()) {
      issues.add(DataIssue.warning("missing", e.getKey(), e.getValue().size(),
          "empty on line(s) " + lines(e.getValue()) + "; treated as 0"));
    }
    for (Map.Entry<String, List<Integer>> e : negativeCells.entrySet()) {
      issues.add(DataIssue.warning("negative_spend", e.getKey(), e.getValue().size(),
          "negative on line(s) " + lines(e.getValue()) + "; clamped to 0"));
    }

    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> dates[i]));
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      sorted &= order[i] == i;
    }
    if (!sorted) {
      issues.add(DataIssue.warning("order", spec.dateColumn(), n, "rows were not in date order; sorted"));
    }
    LocalDate[] sortedDates = new LocalDate[n];
    double[] sortedTarget = new double[n];
    double[][] sortedSpend = new double[spend.length][n];
    double[][] sortedControls = new double[controls.length][n];
    for (int i = 0; i < n; i++) {
      int from = order[i];
      sortedDates[i] = dates[from];
      sortedTarget[i] = target[from];
      for (int c = 0; c < spend.length; c++) {
        sortedSpend[c][i] = spend[c][from];
      }
      for (int k = 0; k < controls.length; k++) {
        sortedControls[k][i] = controls[k][from];
      }
    }
    for (int i = 1; i < n; i++) {
      if (sortedDates[i].equals(sortedDates[i - 1])) {
        int a = rows.get(order[i - 1]).line();
        int b = rows.get(order[i]).line();
        errors.add(table.source() + ":" + b + ": column '" + spec.dateColumn() + "': date " + sortedDates[i]
            + " repeats line " + a + "; aggregate to one row per period first");
      }
    }
    for (int c = 0; c < sortedSpend.length; c++) {
      if (Arrays.stream(sortedSpend[c]).allMatch(v -> v == 0)) {
        errors.add(table.source() + ": channel '" + spec.channels().get(c)
            + "' has no spend in any period; its effect cannot be estimated, so leave it out of --channels");
      }
    }
    failIfAny(errors);
    MmmDataset dataset = new MmmDataset(
        sortedDates, spec.target(), sortedTarget, spec.channels(), sortedSpend, spec.controls(), sortedControls);
    return new Loaded(dataset, issues);
  }

  private static void checkDistinct(ColumnSpec spec) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    all.add(spec.dateColumn());
    all.add(spec.target());
    all.addAll(spec.channels());
    all.addAll(spec.controls());
    for (String name : all) {
      if (!seen.add(name)) {
        repeated.add(name);
      }
    }
    if (!repeated.isEmpty()) {
      throw new DataException("column(s) " + repeated + " are given more than one role (date, target, channel, control)");
    }
  }

  static LocalDate parseDate(String text, DateTimeFormatter formatter) {
    if (formatter != null) {
      return LocalDate.parse(text, formatter);
    }
    String datePart = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')
        ? text.substring(0, 10) : text;
    return LocalDate.parse(datePart);
  }

  private static Double parseNumber(CsvTable table, CsvTable.Row row, int index, String column, List<String> errors) {
    String text = row.cells().get(index).trim();
    if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        errors.add(location(table, row, column) + "value '" + text + "' is not finite");
        return 0.0;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(location(table, row, column) + "cannot read '" + text + "' as a number");
      return 0.0;
    }
  }

  private static String location(CsvTable table, CsvTable.Row row, String column) {
    return table.source() + ":" + row.line() + ": column '" + column + "': ";
  }

  private static void failIfAny(List<String> errors) {
    if (errors.isEmpty()) {
      return;
    }
    List<String> shown = errors.subList(0, Math.min(errors.size(), MAX_LISTED));
    String more = errors.size() > MAX_LISTED ? "\n… and " + (errors.size() - MAX_LISTED) + " more" : "";
    throw new DataException(String.join("\n", shown) + more);
  }

  static String lines(List<Integer> lines) {
    List<String> shown = lines.stream().limit(MAX_LISTED).map(String::valueOf).toList();
    return String.join(", ", shown) + (lines.size() > MAX_LISTED ? ", … (" + lines.size() + " in all)" : "");
  }
}
