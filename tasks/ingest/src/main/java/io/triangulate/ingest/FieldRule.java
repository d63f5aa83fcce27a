package io.triangulate.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * How one CSV column is checked and normalised before it is copied into raw. {@link #apply} returns
 * the value to load ({@code null} for a missing optional value) or throws {@link RowRejected} with a
 * reason a user can act on.
 */
public interface FieldRule {

  String apply(String value, LocalDate ds);

  /** Ids: required, no whitespace, at most 64 characters. */
  static FieldRule id() {
    return (v, ds) -> {
      requirePresent(v);
      if (v.length() > 64) {
        throw new RowRejected("is longer than 64 characters");
      }
      for (int i = 0; i < v.length(); i++) {
        if (Character.isWhitespace(v.charAt(i))) {
          throw new RowRejected("contains whitespace: '" + v + "'");
        }
      }
      return v;
    };
  }

  /** An id that may be missing (e.g. a creative id on an ad event). */
  static FieldRule optionalId() {
    FieldRule id = id();
    return (v, ds) -> v.isEmpty() ? null : id.apply(v, ds);
  }

  /**
   * Longest free text accepted: far above any name, headline or tag list, far below what would let one
   * broken export (a runaway quote, a pasted document) put megabytes into a column that reports print.
   */
  int MAX_TEXT = 10_000;

  static FieldRule text() {
    return (v, ds) -> {
      requirePresent(v);
      return requireShortText(v);
    };
  }

  static FieldRule optionalText() {
    return (v, ds) -> v.isEmpty() ? null : requireShortText(v);
  }

  private static String requireShortText(String v) {
    if (v.length() > MAX_TEXT) {
      throw new RowRejected("is longer than " + MAX_TEXT + " characters (" + v.length() + ")");
    }
    return v;
  }

  static FieldRule oneOf(Set<String> allowed) {
    return (v, ds) -> {
      requirePresent(v);
      if (!allowed.contains(v)) {
        throw new RowRejected("must be one of " + new java.util.TreeSet<>(allowed) + ", got '" + v + "'");
      }
      return v;
    };
  }

  static FieldRule date() {
    return (v, ds) -> {
      requirePresent(v);
      if (isCanonicalDate(v)) {
        return v; // what the general path below returns for it, without the formatter
      }
      try {
        return LocalDate.parse(v).toString();
      } catch (DateTimeParseException e) {
        throw new RowRejected("is not a date (YYYY-MM-DD): '" + v + "'");
      }
    };
  }

  /**
   * True for {@code YYYY-MM-DD} with a four-digit year and a day that exists in its month: then
   * {@link LocalDate#toString()} of the parsed date is the value itself. Anything else (including
   * an impossible date) takes the general path, which normalises or rejects it.
   */
  static boolean isCanonicalDate(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return false;
    }
    int century = twoDigits(v, 0);
    int yearInCentury = twoDigits(v, 2);
    int month = twoDigits(v, 5);
    int day = twoDigits(v, 8);
    if (century < 10 || yearInCentury < 0 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    int year = century * 100 + yearInCentury;
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /** A date that cannot lie after the interval being loaded (e.g. a signup date). */
  static FieldRule dateNotAfterInterval() {
    FieldRule date = date();
    return (v, ds) -> {
      String d = date.apply(v, ds);
      // d is canonical here: ten characters means YYYY-MM-DD, compared as the number YYYYMMDD
      // without parsing it a second time or formatting the interval for every row.
      boolean after = d.length() == 10
          ? compactDate(d) > ds.getYear() * 10_000L + ds.getMonthValue() * 100 + ds.getDayOfMonth()
          : LocalDate.parse(d).isAfter(ds);
      if (after) {
        throw new RowRejected("is " + d + ", after the interval " + ds + " being loaded");
      }
      return d;
    };
  }

  /** An ISO-8601 timestamp with offset that falls inside the interval's UTC day; stored as UTC. */
  static FieldRule timestampInInterval() {
    return (v, ds) -> {
      requirePresent(v);
      if (isCanonicalUtcSecondOf(v, ds)) {
        return v; // what the general path below returns for it, without parsing
      }
      Instant t;
      try {
        t = OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        throw new RowRejected("is not an ISO-8601 timestamp with offset (e.g. 2026-01-05T14:03:00Z): '" + v + "'");
      }
      Instant start = ds.atStartOfDay().toInstant(ZoneOffset.UTC);
      if (t.isBefore(start) || !t.isBefore(start.plusSeconds(86_400))) {
        throw new RowRejected("is " + t + ", outside the interval " + ds + " (UTC)");
      }
      return t.toString();
    };
  }

  /**
   * True for the common form {@code <ds>THH:MM:SSZ} with a valid time: such a value lies in the
   * interval and {@link Instant#toString()} of it is the value itself.
   */
  private static boolean isCanonicalUtcSecondOf(String v, LocalDate ds) {
    if (v.length() != 20 || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
      return false;
    }
    int year = ds.getYear();
    if (year < 1000 || year > 9999 || !v.startsWith(ds.toString())) {
      return false;
    }
    int hour = twoDigits(v, 11);
    int minute = twoDigits(v, 14);
    int second = twoDigits(v, 17);
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
  }

  /** YYYYMMDD of a canonical {@code YYYY-MM-DD} date. */
  private static long compactDate(String d) {
    return twoDigits(d, 0) * 1_000_000L + twoDigits(d, 2) * 10_000L + twoDigits(d, 5) * 100L + twoDigits(d, 8);
  }

  private static int twoDigits(String v, int at) {
    char a = v.charAt(at);
    char b = v.charAt(at + 1);
    return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
  }

  static FieldRule decimal(double min, boolean minInclusive, double max, boolean maxInclusive) {
    return (v, ds) -> {
      requirePresent(v);
      double x;
      try {
        x = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new RowRejected("is not a number: '" + v + "'");
      }
      if (!Double.isFinite(x)) {
        throw new RowRejected("is not a finite number: '" + v + "'");
      }
      boolean aboveMin = minInclusive ? x >= min : x > min;
      boolean belowMax = maxInclusive ? x <= max : x < max;
      if (!aboveMin || !belowMax) {
        throw new RowRejected(
            "must be in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")")
                + ", got " + v);
      }
      return v.strip();
    };
  }

  static FieldRule nonNegativeDecimal() {
    return decimal(0, true, Double.MAX_VALUE, true);
  }

  static FieldRule positiveInteger() {
    return (v, ds) -> {
      requirePresent(v);
      long x;
      try {
        x = Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new RowRejected("is not a whole number: '" + v + "'");
      }
      if (x < 1 || x > Integer.MAX_VALUE) {
        throw new RowRejected("must be a whole number >= 1, got " + v);
      }
      return Long.toString(x);
    };
  }

  private static void requirePresent(String v) {
    if (v.isEmpty()) {
      throw new RowRejected("is required but empty");
    }
  }

  private static String fmt(double x) {
    return x == Double.MAX_VALUE ? "∞" : (x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x));
  }
}
