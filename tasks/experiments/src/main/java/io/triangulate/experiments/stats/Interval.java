package io.triangulate.experiments.stats;

/** A closed interval [low, high]; both ends are NaN when the interval cannot be computed. */
public record Interval(double low, double high) {

  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  /** estimate ± halfWidth. */
  public static Interval around(double estimate, double halfWidth) {
    return new Interval(estimate - halfWidth, estimate + halfWidth);
  }

  public boolean isDefined() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }

  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  /** Both ends multiplied by {@code factor}; a negative factor swaps them so that low ≤ high. */
  public Interval scaled(double factor) {
    double a = low * factor;
    double b = high * factor;
    return a <= b ? new Interval(a, b) : new Interval(b, a);
  }
}
