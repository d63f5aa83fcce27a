package io.triangulate.simulate;

/**
 * Appends CSV fields to a {@link StringBuilder} without {@code String.format} or boxing: the
 * simulator writes millions of rows, and these few primitives dominate its output cost. Decimals
 * are formatted from rounded integers so the bytes never depend on the JDK's float printing.
 */
final class Csv {

  private static final long[] POWERS_OF_TEN = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private Csv() {}

  /** A text field, quoted per RFC 4180 when it contains a comma, quote or line break. */
  static void text(StringBuilder sb, String value) {
    boolean quote = false;
    for (int k = 0; k < value.length() && !quote; k++) {
      char ch = value.charAt(k);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int k = 0; k < value.length(); k++) {
      char ch = value.charAt(k);
      if (ch == '"') {
        sb.append('"');
      }
      sb.append(ch);
    }
    sb.append('"');
  }

  /** {@code value} with exactly {@code scale} decimals (at most 9), rounded half up. */
  static void fixed(StringBuilder sb, double value, int scale) {
    long unit = POWERS_OF_TEN[scale];
    long scaled = Math.round(Math.abs(value) * unit);
    if (value < 0 && scaled != 0) {
      sb.append('-');
    }
    sb.append(scaled / unit);
    if (scale > 0) {
      sb.append('.');
      padded(sb, scaled % unit, scale);
    }
  }

  /** Like {@link #fixed} but without trailing zeros (keeping one decimal): {@code 0.2}, {@code 1.25}. */
  static void trimmed(StringBuilder sb, double value, int maxScale) {
    int start = sb.length();
    fixed(sb, value, maxScale);
    if (maxScale == 0) {
      return;
    }
    int end = sb.length();
    int dot = sb.indexOf(".", start);
    while (end > dot + 2 && sb.charAt(end - 1) == '0') {
      end--;
    }
    sb.setLength(end);
  }

  /** A non-negative integer left-padded with zeros to {@code width} digits (wider if needed). */
  static void padded(StringBuilder sb, long value, int width) {
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int k = digits; k < width; k++) {
      sb.append('0');
    }
    sb.append(value);
  }

  /** {@code <dayPrefix>hh:mm:ssZ} where {@code dayPrefix} is {@code YYYY-MM-DDT}. */
  static void timestamp(StringBuilder sb, String dayPrefix, int secondOfDay) {
    sb.append(dayPrefix);
    padded(sb, secondOfDay / 3600, 2);
    sb.append(':');
    padded(sb, secondOfDay / 60 % 60, 2);
    sb.append(':');
    padded(sb, secondOfDay % 60, 2);
    sb.append('Z');
  }
}
