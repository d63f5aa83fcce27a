package io.triangulate.ingest;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One landing file kind: its file name, raw table, columns with their rules, the key that makes a
 * row unique (a repeated key is a duplicate), and an optional whole-row check.
 *
 * @param rowCheck given the normalised values (in column order), returns a rejection reason or null
 */
public record SourceSpec(
    String name,
    String table,
    List<Field> fields,
    List<String> key,
    BiFunction<String[], java.time.LocalDate, String> rowCheck) {

  public String fileName() {
    return name + ".csv";
  }

  public String qualifiedTable() {
    return "raw." + table;
  }

  public int indexOf(String field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(field)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no field " + field);
  }

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }
}
