package io.triangulate.experiments.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 records: a field is quoted only when it holds a comma, a quote or a line break,
 * and quotes inside are doubled. Records end with LF (what spreadsheet and data tools all accept).
 */
public final class CsvWriter implements Closeable {

  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  public void writeRecord(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(fields.get(i)));
    }
    out.write('\n');
  }

  /** The field as it appears in a CSV file; {@code null} becomes an empty field. */
  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    boolean needsQuotes =
        value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
