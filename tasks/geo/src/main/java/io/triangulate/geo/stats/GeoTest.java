package io.triangulate.geo.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * A geo test to analyse: the treated locations and the test window. Periods after {@code testEnd}
 * are ignored; a null end means "to the last date of the panel".
 */
public record GeoTest(List<String> treated, LocalDate testStart, LocalDate testEnd) {

  public GeoTest {
    treated = List.copyOf(treated);
    if (treated.isEmpty()) {
      throw new IllegalArgumentException("a geo test needs at least one treated location");
    }
    if (testStart == null) {
      throw new IllegalArgumentException("a geo test needs a start date");
    }
    if (testEnd != null && testEnd.isBefore(testStart)) {
      throw new IllegalArgumentException("test end " + testEnd + " is before test start " + testStart);
    }
  }
}
