package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks beyond {@link Check} that the simulation config needs: open ranges and maps keyed by a
 * fixed vocabulary. Messages name the field and what is allowed, like {@link Check}'s.
 */
public final class Validate {

  private Validate() {}

  /** {@code 0 < value <= max}. */
  public static double positive(String field, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new ConfigException(field + " must be > 0 and <= " + max + ", got " + value);
    }
    return value;
  }

  /** A map whose keys are exactly {@code allowed} and whose values lie in [min, max]. */
  public static Map<String, Double> keyedValues(
      String field, Map<String, Double> map, Collection<String> allowed, double min, double max) {
    Check.required(field, map);
    List<String> unknown = new ArrayList<>(new TreeSet<>(map.keySet()));
    unknown.removeAll(allowed);
    List<String> missing = new ArrayList<>(allowed);
    missing.removeAll(map.keySet());
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw new ConfigException(
          field + " must have exactly the keys " + allowed
              + (unknown.isEmpty() ? "" : "; unknown: " + unknown)
              + (missing.isEmpty() ? "" : "; missing: " + missing));
    }
    map.forEach((key, value) -> Check.range(field + "." + key, Check.required(field + "." + key, value), min, max));
    return Map.copyOf(map);
  }

  /** Shares of a population: keys exactly {@code allowed}, values in [0, 1], summing to 1. */
  public static Map<String, Double> shares(String field, Map<String, Double> map, Collection<String> allowed) {
    Map<String, Double> checked = keyedValues(field, map, allowed, 0.0, 1.0);
    double sum = checked.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 1.0) > 0.001) {
      throw new ConfigException(field + " must sum to 1 (±0.001), got " + sum);
    }
    return checked;
  }
}
