package io.triangulate.uplift.data;

import io.triangulate.core.csv.CsvFormatException;
import io.triangulate.core.csv.CsvReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads an uplift problem from a CSV (comma-separated, RFC 4180 quoting; core's {@link CsvReader})
 * in two streaming passes, so only the encoded matrix is held: the first pass checks every row and
 * learns which feature columns are categorical (any value that is not a number) and their levels,
 * the second fills the matrix.
 *
 * <p>Encoding: a numeric feature is one column as it is. A categorical feature with L levels
 * becomes L − 1 0/1 columns {@code col=level}, one per level except the first in sorted (String)
 * order, which is the reference (all zeros); like {@code pandas.get_dummies(drop_first=True)}. At
 * most {@value #MAX_LEVELS} levels per column. Empty feature cells are an error, as are outcomes
 * other than 0/1 and, without a treatment value, treatments other than 0/1; errors name the file,
 * line and column. A feature that is constant among the kept rows is kept with a warning.
 */
public final class UpliftCsv {

  public static final int MAX_LEVELS = 1000;
  private static final int PROGRESS_EVERY = 250_000;

  private UpliftCsv() {}

  public static UpliftTable read(Path file, TableSpec spec, Consumer<String> progress) throws IOException {
    String source = file.toString();
    Columns columns;
    int kept = 0;
    int skipped = 0;
    try (CsvReader csv = CsvReader.open(file, ',')) {
      columns = header(source, csv, spec);
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        if (row.isBlank()) {
          continue;
        }
        List<String> cells = cells(source, row, columns.width);
        if (arm(source, row.line(), cells.get(columns.treatment), spec) < 0) {
          skipped++;
          continue;
        }
        outcome(source, row.line(), cells.get(columns.outcome), spec.outcomeColumn());
        for (int f = 0; f < columns.features.length; f++) {
          columns.observe(f, cells.get(columns.features[f]), source, row.line(), spec.features().get(f));
        }
        kept++;
        if (kept % PROGRESS_EVERY == 0) {
          progress.accept("checked " + kept + " rows");
        }
      }
    } catch (CsvFormatException e) {
      throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.problem());
    }
    if (kept == 0) {
      throw new IllegalArgumentException(source + ": no data rows" + (skipped > 0 ? " in either arm (" + skipped
          + " rows had other values of '" + spec.treatmentColumn() + "')" : ""));
    }
    List<String> names = new ArrayList<>();
    int[] offset = new int[columns.features.length];
    for (int f = 0; f < columns.features.length; f++) {
      offset[f] = names.size();
      String name = spec.features().get(f);
      if (columns.numeric[f]) {
        names.add(name);
      } else {
        List<String> levels = columns.levelList(f);
        for (int l = 1; l < levels.size(); l++) {
          names.add(name + "=" + levels.get(l));
        }
      }
    }
    int p = names.size();
    double[][] x = new double[kept][];
    int[] t = new int[kept];
    int[] y = new int[kept];
    int[] lines = new int[kept];
    List<Map<String, Integer>> codes = new ArrayList<>();
    for (int f = 0; f < columns.features.length; f++) {
      Map<String, Integer> code = new HashMap<>();
      if (!columns.numeric[f]) {
        List<String> levels = columns.levelList(f);
        for (int l = 0; l < levels.size(); l++) {
          code.put(levels.get(l), l);
        }
      }
      codes.add(code);
    }
    int i = 0;
    try (CsvReader csv = CsvReader.open(file, ',')) {
      csv.next(); // header
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        if (row.isBlank()) {
          continue;
        }
        List<String> cells = row.fields();
        int arm = arm(source, row.line(), cells.get(columns.treatment), spec);
        if (arm < 0) {
          continue;
        }
        double[] r = new double[p];
        for (int f = 0; f < columns.features.length; f++) {
          String cell = cells.get(columns.features[f]).trim();
          if (columns.numeric[f]) {
            r[offset[f]] = Double.parseDouble(cell);
          } else {
            int level = codes.get(f).get(cell);
            if (level > 0) {
              r[offset[f] + level - 1] = 1;
            }
          }
        }
        x[i] = r;
        t[i] = arm;
        y[i] = outcome(source, row.line(), cells.get(columns.outcome), spec.outcomeColumn());
        lines[i] = Math.toIntExact(row.line());
        i++;
      }
    }
    if (i != kept) {
      throw new IllegalStateException(source + " changed while it was read (" + kept + " rows, then " + i + ")");
    }
    int treated = 0;
    for (int v : t) {
      treated += v;
    }
    String treatedRule = spec.treatmentValue() == null ? "= 1" : "= '" + spec.treatmentValue() + "'";
    String controlRule = spec.treatmentValue() == null ? "= 0"
        : spec.controlValue() == null ? "≠ '" + spec.treatmentValue() + "'" : "= '" + spec.controlValue() + "'";
    if (treated == 0) {
      throw new IllegalArgumentException(source + ": the treated arm is empty: no row has " + spec.treatmentColumn()
          + " " + treatedRule);
    }
    if (treated == kept) {
      throw new IllegalArgumentException(source + ": the control arm is empty: no row has " + spec.treatmentColumn()
          + " " + controlRule);
    }
    List<String> warnings = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double first = x[0][j];
      boolean constant = true;
      for (int r = 1; r < kept && constant; r++) {
        constant = x[r][j] == first;
      }
      if (constant) {
        warnings.add("feature '" + names.get(j) + "' is constant (" + first + ") in " + source
            + "; it cannot tell members apart");
      }
    }
    for (int f = 0; f < columns.features.length; f++) {
      if (!columns.numeric[f] && columns.levels.get(f).size() == 1) {
        warnings.add("feature '" + spec.features().get(f) + "' has one value ('" + columns.levels.get(f).first()
            + "') in " + source + "; it adds no columns");
      }
    }
    return new UpliftTable(source, List.copyOf(names), x, t, y, lines, skipped, List.copyOf(warnings));
  }

  private static Columns header(String source, CsvReader csv, TableSpec spec) throws IOException {
    CsvReader.Row first = csv.next();
    while (first != null && first.isBlank()) {
      first = csv.next();
    }
    if (first == null) {
      throw new IllegalArgumentException(source + ": the file is empty; expected a header line");
    }
    List<String> header = first.fields().stream().map(String::trim).toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
    java.util.function.Function<String, Integer> column = name -> {
      Integer at = index.get(name);
      if (at == null) {
        throw new MissingColumnException(name, source + ": no column '" + name + "'; the header has "
            + String.join(", ", header));
      }
      return at;
    };
    int treatment = column.apply(spec.treatmentColumn());
    int outcome = column.apply(spec.outcomeColumn());
    int[] features = new int[spec.features().size()];
    for (int f = 0; f < features.length; f++) {
      String name = spec.features().get(f);
      if (name.equals(spec.treatmentColumn()) || name.equals(spec.outcomeColumn())) {
        throw new IllegalArgumentException("feature '" + name + "' is the treatment or outcome column");
      }
      features[f] = column.apply(name);
    }
    return new Columns(header.size(), treatment, outcome, features);
  }

  private static List<String> cells(String source, CsvReader.Row row, int width) {
    List<String> cells = row.fields();
    if (cells.size() != width) {
      throw new IllegalArgumentException(source + ":" + row.line() + ": expected " + width
          + " fields (as in the header), found " + cells.size());
    }
    return cells;
  }

  /** 1 treated, 0 control, −1 skipped. */
  private static int arm(String source, long line, String cell, TableSpec spec) {
    String v = cell.trim();
    if (spec.treatmentValue() != null) {
      if (v.equals(spec.treatmentValue())) {
        return 1;
      }
      return spec.controlValue() == null || v.equals(spec.controlValue()) ? 0 : -1;
    }
    int b = binary(v);
    if (b < 0) {
      throw new IllegalArgumentException(source + ":" + line + ": treatment '" + spec.treatmentColumn()
          + "' must be 0 or 1 (or give --treatment-value), found '" + v + "'");
    }
    return b;
  }

  private static int outcome(String source, long line, String cell, String name) {
    int b = binary(cell.trim());
    if (b < 0) {
      throw new IllegalArgumentException(source + ":" + line + ": outcome '" + name + "' must be 0 or 1, found '"
          + cell.trim() + "'");
    }
    return b;
  }

  private static int binary(String v) {
    switch (v) {
      case "0", "0.0" -> {
        return 0;
      }
      case "1", "1.0" -> {
        return 1;
      }
      default -> {
        return -1;
      }
    }
  }

  private static boolean isNumber(String v) {
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** What the first pass learns about the feature columns. */
  private static final class Columns {
    final int width;
    final int treatment;
    final int outcome;
    final int[] features;
    final boolean[] numeric;
    final List<TreeSet<String>> levels = new ArrayList<>();

    Columns(int width, int treatment, int outcome, int[] features) {
      this.width = width;
      this.treatment = treatment;
      this.outcome = outcome;
      this.features = features;
      this.numeric = new boolean[features.length];
      java.util.Arrays.fill(numeric, true);
      for (int f = 0; f < features.length; f++) {
        levels.add(new TreeSet<>());
      }
    }

    void observe(int f, String raw, String source, long line, String name) {
      String v = raw.trim();
      if (v.isEmpty()) {
        throw new IllegalArgumentException(source + ":" + line + ": feature '" + name + "' is empty");
      }
      TreeSet<String> seen = levels.get(f);
      if (numeric[f] && !isNumber(v)) {
        numeric[f] = false;
      }
      // Numeric columns keep at most MAX_LEVELS + 1 values, in case they turn out categorical.
      if (seen.size() <= MAX_LEVELS || !numeric[f]) {
        seen.add(v);
      }
      if (!numeric[f] && seen.size() > MAX_LEVELS) {
        throw new IllegalArgumentException(source + ":" + line + ": categorical feature '" + name + "' has more than "
            + MAX_LEVELS + " distinct values; one-hot encoding it would be too wide");
      }
    }

    List<String> levelList(int f) {
      return new ArrayList<>(levels.get(f));
    }
  }
}
