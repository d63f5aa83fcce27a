package io.triangulate.mmm.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The fitted target split into additive components per period: {@code baseline} (intercept),
 * {@code trend}, {@code seasonality}, each control and each channel. Components sum to the fitted
 * value; media components are measured against zero spend.
 */
public record Decomposition(LocalDate[] dates, List<String> components, double[][] values) {

  public Decomposition {
    components = List.copyOf(components);
  }

  /** Fitted values: the sum of all components in each period. */
  public double[] fitted() {
    double[] fitted = new double[dates.length];
    for (double[] component : values) {
      for (int t = 0; t < fitted.length; t++) {
        fitted[t] += component[t];
      }
    }
    return fitted;
  }

  public double[] component(String name) {
    int index = components.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no component " + name + " in " + components);
    }
    return values[index];
  }
}
