package io.triangulate.mmm.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed CSV file: header and rows of text cells, each row remembering its line number so errors
 * can point at it. Comma-separated, RFC 4180 quoting ({@code "a, b"}, {@code ""} for a quote), no
 * embedded newlines; blank lines are skipped.
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

  /** Parses the lines of a file; {@code source} names the file in error messages. */
  public static CsvTable parse(String source, List<String> lines) {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = splitLine(source, i + 1, line);
      if (header == null) {
        header = cells.stream().map(String::trim).toList();
      } else {
        if (cells.size() != header.size()) {
          throw new DataException(
              source + ":" + (i + 1) + ": expected " + header.size() + " fields (as in the header), found "
                  + cells.size());
        }
        rows.add(new Row(i + 1, cells));
      }
    }
    if (header == null) {
      throw new DataException(source + ": the file is empty; expected a header line");
    }
    return new CsvTable(source, header, rows);
  }

  static List<String> splitLine(String source, int lineNumber, String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new DataException(source + ":" + lineNumber + ": unterminated quoted field");
    }
    cells.add(cell.toString());
    return cells;
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
