package io.triangulate.ingest.copy;

import java.nio.charset.StandardCharsets;

/**
 * Writes one non-null value of a raw column in PostgreSQL's binary COPY layout: a four-byte length,
 * then the bytes. Throws IllegalArgumentException, with a reason a user can act on, for a value the
 * column cannot hold.
 */
interface ColumnEncoder {

  void write(String value, CopyBuffer out);

  /** The encoder for a column of the given type (as {@code format_type} names it) and typmod. */
  static ColumnEncoder forType(String type, int typmod) {
    if (type.startsWith("numeric")) {
      return NumericValue.forTypmod(typmod)::write;
    }
    return switch (type) {
      case "text" -> ColumnEncoder::writeText;
      case "date" -> (v, out) -> {
        out.putInt(4);
        out.putInt(TimeValues.postgresDays(v));
      };
      case "timestamp with time zone" -> (v, out) -> {
        out.putInt(8);
        out.putLong(TimeValues.postgresMicros(v));
      };
      case "integer" -> (v, out) -> {
        out.putInt(4);
        out.putInt((int) parse(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
      };
      case "bigint" -> (v, out) -> {
        out.putInt(8);
        out.putLong(parse(v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"));
      };
      default -> throw new IllegalStateException("no binary COPY encoding for columns of type " + type);
    };
  }

  /** UTF-8 text; a NUL character, which PostgreSQL text cannot hold, is rejected. */
  private static void writeText(String v, CopyBuffer out) {
    int lengthAt = out.length();
    out.putInt(0);
    if (!out.putAscii(v)) {
      out.putBytes(v.getBytes(StandardCharsets.UTF_8));
    }
    if (v.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("contains a NUL character, which text cannot hold");
    }
    out.setInt(lengthAt, out.length() - lengthAt - 4);
  }

  private static long parse(String v, long min, long max, String type) {
    long x;
    try {
      x = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a whole number: '" + v + "'");
    }
    if (x < min || x > max) {
      throw new IllegalArgumentException("is " + v + ", out of range for " + type);
    }
    return x;
  }
}
