package io.triangulate.decide.report;

import java.util.Locale;

/** Escaping and number formatting for the report. */
final class Html {

  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String num(double x, int decimals) {
    return Double.isNaN(x) || Double.isInfinite(x) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", x);
  }

  static String money(double x) {
    return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%,.0f", x);
  }

  static String coord(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
