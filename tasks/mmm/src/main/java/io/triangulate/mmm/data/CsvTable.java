package io.triangulate.mmm.data;

import io.triangulate.core.csv.CsvFormatException;
import io.triangulate.core.csv.CsvReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file held in memory: header and rows of text cells, each row remembering its line number so
 * errors can point at it. Parsing is core's {@link CsvReader} (comma-separated, RFC 4180 quoting,
 * quoted line breaks); blank lines and lines of spaces are skipped. Modelling tables are one row per
 * period, small enough to hold whole, and the readers need random access to sort by date.
 */
public final class CsvTable {

  /** One data row with its 1-based line number in the file. */
  public record Row(int line, List<String> cells) {}

  private final String source;
  private final List<String> header;
  private final Map<String, Integer> columnIndex;
  private final List<Row> rows;

  private CsvTable(String source, List<String> header, List<Row> rows) {
    this.source = source;
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
    this.columnIndex = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columnIndex.putIfAbsent(header.get(i), i);
    }
  }

  /** Reads a UTF-8 file; its path names it in error messages. */
  public static CsvTable read(Path file) throws IOException {
    try (CsvReader csv = CsvReader.open(file, ',')) {
      return parse(file.toString(), csv);
    }
  }

  /** Parses lines already in memory; {@code source} names them in error messages. */
  public static CsvTable parse(String source, List<String> lines) {
    try (CsvReader csv = new CsvReader(new StringReader(String.join("\n", lines)))) {
      return parse(source, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  private static CsvTable parse(String source, CsvReader csv) throws IOException {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try {
      for (CsvReader.Row record = csv.next(); record != null; record = csv.next()) {
        if (record.isBlank()) {
          continue;
        }
        List<String> cells = record.fields();
        if (header == null) {
          header = cells.stream().map(String::trim).toList();
        } else if (cells.size() != header.size()) {
          throw new DataException(
              source + ":" + record.line() + ": expected " + header.size() + " fields (as in the header), found "
                  + cells.size());
        } else {
          rows.add(new Row(Math.toIntExact(record.line()), cells));
        }
      }
    } catch (CsvFormatException e) {
      throw new DataException(source + ":" + e.line() + ": " + e.problem());
    }
    if (header == null) {
      throw new DataException(source + ": the file is empty; expected a header line");
    }
    return new CsvTable(source, header, rows);
  }

  public String source() {
    return source;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  public boolean hasColumn(String name) {
    return columnIndex.containsKey(name);
  }

  /** Index of a column, or a clear error listing the columns the file has. */
  public int column(String name) {
    Integer index = columnIndex.get(name);
    if (index == null) {
      throw new DataException(
          source + ": no column '" + name + "'; the header has " + String.join(", ", header));
    }
    return index;
  }
}
