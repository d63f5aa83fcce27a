package io.triangulate.core.config;

import java.util.Collection;

/**
 * Validation helpers for config records' compact constructors. Each failure names the field and the
 * allowed values so a user can fix the file without reading code.
 */
public final class Check {

  private Check() {}

  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new ConfigException(field + " is required");
    }
    return value;
  }

  public static double range(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new ConfigException(field + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ConfigException(field + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  public static <T> T oneOf(String field, T value, Collection<T> allowed) {
    if (!allowed.contains(value)) {
      throw new ConfigException(field + " must be one of " + allowed + ", got " + value);
    }
    return value;
  }

  public static void that(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
