package io.triangulate.mmm;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers for the console summaries: a few significant digits in plain notation, NaN as empty. Files
 * go through {@code io.triangulate.core.csv.CsvWriter} instead, which keeps ten digits.
 */
final class ConsoleNumbers {

  private ConsoleNumbers() {}

  static String significant(double value, int digits) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
  }
}
