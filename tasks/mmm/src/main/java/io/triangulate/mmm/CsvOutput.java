package io.triangulate.mmm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes result CSVs: header, then rows; numbers with 10 significant digits, NaN as empty. */
final class CsvOutput {

  private CsvOutput() {}

  static void write(Path file, List<String> header, List<List<Object>> rows) {
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (List<Object> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(cell(row.get(i)));
      }
      text.append('\n');
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String cell(Object value) {
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    String text = String.valueOf(value);
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  /** For people: {@code digits} significant digits, plain notation, NaN as empty. */
  static String significant(double value, int digits) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
  }

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros().toPlainString();
  }
}
