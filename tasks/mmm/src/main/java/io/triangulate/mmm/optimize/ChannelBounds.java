package io.triangulate.mmm.optimize;

/**
 * Limits on one channel's spend in a plan: either multiples of its current spend
 * ({@code relative}, e.g. 0.5 and 2) or absolute amounts over the planning horizon.
 */
public record ChannelBounds(double low, double high, boolean relative) {

  public ChannelBounds {
    if (!(low >= 0) || !(high >= low)) {
      throw new IllegalArgumentException("bounds need 0 ≤ low ≤ high, got " + low + ":" + high);
    }
  }

  /** The default: between half and twice current spend. */
  public static ChannelBounds defaults() {
    return new ChannelBounds(0.5, 2.0, true);
  }

  /** Parses {@code LOW:HIGH}. */
  public static ChannelBounds parse(String text, boolean relative) {
    String[] parts = text.trim().split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("bounds must look like LOW:HIGH, got '" + text + "'");
    }
    try {
      return new ChannelBounds(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), relative);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bounds must be numbers LOW:HIGH, got '" + text + "'");
    }
  }

  double lowerPerPeriod(double currentPerPeriod, int horizon) {
    return relative ? low * currentPerPeriod : low / horizon;
  }

  double upperPerPeriod(double currentPerPeriod, int horizon) {
    return relative ? high * currentPerPeriod : high / horizon;
  }
}
