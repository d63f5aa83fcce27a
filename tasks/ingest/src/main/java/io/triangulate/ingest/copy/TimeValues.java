package io.triangulate.ingest.copy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates and timestamps as PostgreSQL's binary COPY takes them: days, and microseconds, since
 * 2000-01-01 (UTC for timestamps). The loader's rules hand over canonical text, which is read here
 * without a formatter; anything else takes the general parser.
 */
final class TimeValues {

  /** 2000-01-01 as days since 1970-01-01. */
  private static final long POSTGRES_EPOCH_DAY = 10_957;
  private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;

  private TimeValues() {}

  /** Days since 2000-01-01 of a {@code YYYY-MM-DD} date within years 1 to 9999. */
  static int postgresDays(String text) {
    LocalDate d;
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      d = date(text);
    } else {
      try {
        d = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("is not a date (YYYY-MM-DD): '" + text + "'");
      }
    }
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new IllegalArgumentException("is " + text + ", outside the years 1 to 9999");
    }
    return (int) (d.toEpochDay() - POSTGRES_EPOCH_DAY);
  }

  /**
   * Microseconds since 2000-01-01 00:00 UTC of an ISO-8601 instant ({@code ...Z}). A fraction finer
   * than a microsecond is rounded as PostgreSQL rounds it when it reads the same text: the fraction
   * parsed as a double, times a million, rounded half to even.
   */
  static long postgresMicros(String text) {
    long seconds;
    long micros;
    if (text.length() == 20 && text.charAt(10) == 'T' && text.charAt(19) == 'Z') {
      long day = date(text).toEpochDay();
      seconds = day * 86_400 + digits(text, 11, 2) * 3_600L + digits(text, 14, 2) * 60L + digits(text, 17, 2);
      micros = 0;
    } else {
      Instant t;
      try {
        t = Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("is not an ISO-8601 UTC timestamp: '" + text + "'");
      }
      seconds = t.getEpochSecond();
      int nanos = t.getNano();
      micros = nanos % 1_000 == 0
          ? nanos / 1_000
          : (long) Math.rint(Double.parseDouble("0." + String.format("%09d", nanos)) * 1_000_000);
    }
    return (seconds - POSTGRES_EPOCH_SECOND) * 1_000_000 + micros;
  }

  /** The date in the first ten characters, {@code YYYY-MM-DD}. */
  private static LocalDate date(String text) {
    try {
      return LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("is not a valid date: '" + text + "'");
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("has a non-digit '" + c + "' where a digit belongs: '" + s + "'");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
