package io.triangulate.ingest;

import java.io.IOException;
import java.io.Writer;

/** Writes values in PostgreSQL COPY CSV format: unquoted empty is NULL, quoted when needed. */
final class CopyCsv {

  private CopyCsv() {}

  static void writeRow(Writer out, String[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      writeValue(out, values[i]);
    }
    out.write('\n');
  }

  static void writeValue(Writer out, String v) throws IOException {
    if (v == null) {
      return;
    }
    if (v.isEmpty() || needsQuotes(v)) {
      out.write('"');
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          out.write('"');
        }
        out.write(c);
      }
      out.write('"');
    } else {
      out.write(v);
    }
  }

  private static boolean needsQuotes(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
