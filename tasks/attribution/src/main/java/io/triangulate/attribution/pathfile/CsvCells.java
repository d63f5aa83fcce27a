package io.triangulate.attribution.pathfile;

import java.util.Locale;

/** Formats CSV cells: text quoted only when it must be, numbers with a fixed, locale-free precision. */
final class CsvCells {

  private CsvCells() {}

  static String text(String value) {
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /** Credits and values: 6 decimals, far below a single conversion. */
  static String amount(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  /** Shares, probabilities and removal effects: 10 decimals, enough to recompute credits. */
  static String fraction(double value) {
    return String.format(Locale.ROOT, "%.10f", value);
  }
}
