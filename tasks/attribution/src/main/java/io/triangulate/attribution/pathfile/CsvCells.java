package io.triangulate.attribution.pathfile;

import java.util.Locale;

/** The fixed, locale-free precision of the numbers in the attribution files; quoting is {@code CsvWriter}'s job. */
final class CsvCells {

  private CsvCells() {}

  /** Credits and values: 6 decimals, far below a single conversion. */
  static String amount(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  /** Shares, probabilities and removal effects: 10 decimals, enough to recompute credits. */
  static String fraction(double value) {
    return String.format(Locale.ROOT, "%.10f", value);
  }
}
