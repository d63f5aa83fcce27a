package io.triangulate.attribution.rules;

/**
 * Position-based (U-shaped) split: {@code first} to the first touch, {@code last} to the last,
 * {@code middle} shared equally by the touches in between.
 */
public record PositionWeights(double first, double middle, double last) {

  public static final PositionWeights DEFAULT = new PositionWeights(0.4, 0.2, 0.4);

  public PositionWeights {
    if (!(first >= 0 && middle >= 0 && last >= 0) || !Double.isFinite(first + middle + last)) {
      throw new IllegalArgumentException(
          "position weights must be finite and >= 0, got " + first + "," + middle + "," + last);
    }
    if (Math.abs(first + middle + last - 1.0) > 1e-9) {
      throw new IllegalArgumentException(
          "position weights first,middle,last must sum to 1, got " + first + "+" + middle + "+" + last);
    }
    if (first + last <= 0) {
      throw new IllegalArgumentException("position weights: first + last must be > 0 (two-touch paths need them)");
    }
  }

  /** Parses {@code "0.4,0.2,0.4"}. */
  public static PositionWeights parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "position weights: expected three numbers first,middle,last (e.g. 0.4,0.2,0.4), got '" + text + "'");
    }
    double[] numbers = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        numbers[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("position weights: '" + parts[i].trim() + "' is not a number");
      }
    }
    return new PositionWeights(numbers[0], numbers[1], numbers[2]);
  }
}
