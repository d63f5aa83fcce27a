package io.triangulate.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A minimal RFC 4180 reader for tests: header plus rows, quoted fields with doubled quotes. */
final class CsvFile {

  final List<String> header;
  final List<List<String>> rows;

  private CsvFile(List<String> header, List<List<String>> rows) {
    this.header = header;
    this.rows = rows;
  }

  static CsvFile read(Path file) throws IOException {
    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
    return new CsvFile(records.get(0), records.subList(1, records.size()));
  }

  int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return index;
  }

  /** Visits rows as name → value maps (convenient, slower: for small checks). */
  void forEach(Consumer<Map<String, String>> visitor) {
    for (List<String> row : rows) {
      Map<String, String> named = new java.util.LinkedHashMap<>();
      for (int k = 0; k < header.size(); k++) {
        named.put(header.get(k), row.get(k));
      }
      visitor.accept(named);
    }
  }

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int k = 0; k < text.length(); k++) {
      char ch = text.charAt(k);
      if (quoted) {
        if (ch == '"' && k + 1 < text.length() && text.charAt(k + 1) == '"') {
          field.append('"');
          k++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}
