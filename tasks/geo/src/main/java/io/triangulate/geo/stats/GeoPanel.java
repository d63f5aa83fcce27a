package io.triangulate.geo.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A balanced location × period panel: one outcome (e.g. revenue) per location and date, and
 * optionally the media spend of the same cells. Dates are strictly increasing periods (days or
 * weeks); every location has every date.
 *
 * @param outcome {@code outcome[location][date]}
 * @param spend {@code spend[location][date]}, or null when spend is not known
 */
public record GeoPanel(List<String> locations, List<LocalDate> dates, double[][] outcome, double[][] spend) {

  public GeoPanel {
    locations = List.copyOf(locations);
    dates = List.copyOf(dates);
    if (locations.size() < 2) {
      throw new IllegalArgumentException("a geo panel needs at least two locations, got " + locations.size());
    }
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("a geo panel needs at least one date");
    }
    if (locations.stream().distinct().count() != locations.size()) {
      throw new IllegalArgumentException("location ids must be unique");
    }
    for (int t = 1; t < dates.size(); t++) {
      if (!dates.get(t).isAfter(dates.get(t - 1))) {
        throw new IllegalArgumentException("dates must be strictly increasing: " + dates.get(t - 1) + " then " + dates.get(t));
      }
    }
    check("outcome", outcome, locations, dates.size());
    if (spend != null) {
      check("spend", spend, locations, dates.size());
    }
  }

  /** A panel without spend. */
  public GeoPanel(List<String> locations, List<LocalDate> dates, double[][] outcome) {
    this(locations, dates, outcome, null);
  }

  private static void check(String name, double[][] m, List<String> locations, int dates) {
    if (m.length != locations.size()) {
      throw new IllegalArgumentException(name + " has " + m.length + " rows for " + locations.size() + " locations");
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i].length != dates) {
        throw new IllegalArgumentException(
            name + " of " + locations.get(i) + " has " + m[i].length + " values for " + dates + " dates");
      }
      for (int t = 0; t < dates; t++) {
        if (!Double.isFinite(m[i][t])) {
          throw new IllegalArgumentException(name + " of " + locations.get(i) + " at period " + t + " is not finite");
        }
      }
    }
  }

  /** Index of a location id, or −1. */
  public int locationIndex(String id) {
    return indexOf().getOrDefault(id, -1);
  }

  private Map<String, Integer> indexOf() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < locations.size(); i++) {
      m.put(locations.get(i), i);
    }
    return m;
  }

  public boolean hasSpend() {
    return spend != null;
  }
}
