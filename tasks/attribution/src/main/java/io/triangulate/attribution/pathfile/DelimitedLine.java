package io.triangulate.attribution.pathfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited file. Fields may be wrapped in double quotes (so a quoted field
 * may hold the delimiter), with {@code ""} standing for a quote inside; surrounding spaces are kept
 * for the caller to trim.
 */
final class DelimitedLine {

  private DelimitedLine() {}

  /** The fields, or {@code null} if a quoted field is not closed on this line. */
  static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
