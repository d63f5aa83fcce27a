package io.triangulate.experiments.stats;

import java.math.BigDecimal;

/**
 * A two-sided confidence level such as 0.95, and the normal critical value z that goes with it
 * (1.959964 for 0.95).
 */
public record ConfidenceLevel(double value) {

  public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(0.95);

  public ConfidenceLevel {
    if (!(value > 0.0 && value < 1.0)) {
      throw new IllegalArgumentException("confidence level must be strictly between 0 and 1, got " + value);
    }
  }

  /** z such that P(−z ≤ Z ≤ z) equals the level. */
  public double criticalValue() {
    return StandardNormal.quantile(1.0 - (1.0 - value) / 2.0);
  }

  /** The level as a label for people, e.g. {@code 95%} or {@code 99.5%}. */
  public String label() {
    // Through the decimal text of the double, so 0.999 prints as 99.9%, not 99.89999999999999%.
    return BigDecimal.valueOf(value).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
