package io.triangulate.mmm;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.mmm.data.ColumnSpec;
import io.triangulate.mmm.data.CsvTable;
import io.triangulate.mmm.data.DataIssue;
import io.triangulate.mmm.data.DataQualityChecker;
import io.triangulate.mmm.data.DatasetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the modelling table is and which columns play which role (shared by fit and check). The
 * options are required together: {@code mmm fit --warehouse} reads the marts instead and needs none.
 */
public final class DataOptions {

  @Option(names = "--data", paramLabel = "FILE",
      description = "CSV with a header row and one row per period (week or day): a date column, the target, "
          + "one spend column per channel and optional control columns. Comma-separated, RFC 4180 quotes.")
  Path data;

  @Option(names = "--date-col", paramLabel = "COLUMN",
      description = "Date column; ISO YYYY-MM-DD (a trailing time is ignored) unless --date-format says otherwise.")
  String dateColumn;

  @Option(names = "--date-format", paramLabel = "PATTERN",
      description = "java.time pattern for the date column, e.g. dd/MM/yyyy.")
  String datePattern;

  @Option(names = "--target", paramLabel = "COLUMN",
      description = "What media drive: revenue (or orders) per period. Must not be empty in any row.")
  String target;

  @Option(names = "--channels", split = ",", paramLabel = "COLUMN",
      description = "Spend columns, comma-separated (e.g. tv,search,social). Empty cells count as 0; negative spend is clamped to 0.")
  List<String> channels;

  @Option(names = "--controls", split = ",", paramLabel = "COLUMN",
      description = "Control columns (events/holidays as 0/1, promotions, price index…), comma-separated. Empty cells count as 0.")
  List<String> controls = new ArrayList<>();

  /** The loaded table plus every data-quality finding (loading repairs and statistical checks). */
  record Checked(io.triangulate.mmm.data.MmmDataset dataset, List<DataIssue> issues) {}

  /** Has the user named a CSV (any of the CSV options)? */
  boolean given() {
    return data != null || dateColumn != null || target != null || channels != null;
  }

  Checked load() {
    List<String> missing = new ArrayList<>();
    if (data == null) {
      missing.add("--data");
    }
    if (dateColumn == null) {
      missing.add("--date-col");
    }
    if (target == null) {
      missing.add("--target");
    }
    if (channels == null || channels.isEmpty()) {
      missing.add("--channels");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing required option(s) " + String.join(", ", missing)
          + " (or use `mmm fit --warehouse` to model the warehouse's channel matrix)");
    }
    CsvTable table;
    try {
      table = CsvTable.read(data);
    } catch (IOException e) {
      throw new TaskFailure("cannot read --data " + data + ": " + e.getMessage(), e);
    }
    ColumnSpec spec = new ColumnSpec(dateColumn, target, channels, controls, datePattern);
    DatasetReader.Loaded loaded = DatasetReader.read(table, spec);
    List<DataIssue> issues = new ArrayList<>(loaded.issues());
    issues.addAll(DataQualityChecker.check(loaded.dataset()));
    return new Checked(loaded.dataset(), issues);
  }
}
