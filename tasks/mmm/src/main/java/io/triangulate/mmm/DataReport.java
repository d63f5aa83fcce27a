package io.triangulate.mmm;

import io.triangulate.core.csv.CsvWriter;
import io.triangulate.mmm.data.DataIssue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints the data-quality findings for people and writes them as {@code data_quality.csv}. */
final class DataReport {

  private DataReport() {}

  static void print(List<DataIssue> issues, PrintStream out) {
    out.println("data check:");
    if (issues.isEmpty()) {
      out.println("  no findings");
    }
    for (DataIssue issue : issues) {
      out.println("  " + issue);
    }
  }

  static void write(Path file, List<DataIssue> issues) {
    List<List<Object>> rows = new ArrayList<>();
    for (DataIssue issue : issues) {
      rows.add(List.of(issue.severity().name().toLowerCase(java.util.Locale.ROOT), issue.check(), issue.column(),
          issue.count(), issue.detail()));
    }
    CsvWriter.write(file, List.of("severity", "check", "column", "count", "detail"), rows);
  }
}
