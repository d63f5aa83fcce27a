package io.triangulate.serve;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query string of a read endpoint, checked: {@code ds} or {@code from}/{@code to} (ISO dates),
 * {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}), {@code offset} (≥ 0)
 * and the endpoint's identifier filters. Anything else is refused, so a misspelt filter is a 400
 * rather than a silently unfiltered answer.
 */
public record ReadQuery(
    LocalDate ds, LocalDate from, LocalDate to, int limit, long offset, Map<String, String> filters) {

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 100;
  static final long MAX_OFFSET = 100_000_000L;
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  static final String IDENTIFIER_RULE = "1 to 64 letters, digits or _ . : -";

  /** True when no date was asked for: snapshot endpoints then answer their latest day. */
  public boolean undated() {
    return ds == null && from == null && to == null;
  }

  public static ReadQuery parse(Map<String, List<String>> params, Set<String> filterNames) {
    LocalDate ds = null;
    LocalDate from = null;
    LocalDate to = null;
    int limit = DEFAULT_LIMIT;
    long offset = 0;
    Map<String, String> filters = new LinkedHashMap<>();
    for (var e : params.entrySet()) {
      String key = e.getKey();
      if (e.getValue().size() != 1) {
        throw ApiException.badRequest(key, "given once");
      }
      String value = e.getValue().get(0);
      switch (key) {
        case "ds" -> ds = date(key, value);
        case "from" -> from = date(key, value);
        case "to" -> to = date(key, value);
        case "limit" -> limit = (int) integer(key, value, 1, MAX_LIMIT);
        case "offset" -> offset = integer(key, value, 0, MAX_OFFSET);
        default -> {
          if (!filterNames.contains(key)) {
            throw new ApiException(400, "unknown parameter " + key, key,
                "one of ds, from, to, limit, offset" + (filterNames.isEmpty() ? "" : ", " + String.join(", ", filterNames)));
          }
          if (!IDENTIFIER.matcher(value).matches()) {
            throw ApiException.badRequest(key, IDENTIFIER_RULE);
          }
          filters.put(key, value);
        }
      }
    }
    if (ds != null && (from != null || to != null)) {
      throw ApiException.badRequest("ds", "not combined with from/to");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badRequest("from", "on or before to");
    }
    return new ReadQuery(ds, from, to, limit, offset, filters);
  }

  static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, "ISO date yyyy-mm-dd");
    }
  }

  static long integer(String field, String value, long min, long max) {
    try {
      long v = Long.parseLong(value);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the same answer as out of range
    }
    throw ApiException.badRequest(field, "integer from " + min + " to " + max);
  }
}
