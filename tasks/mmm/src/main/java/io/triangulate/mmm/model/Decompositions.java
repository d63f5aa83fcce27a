package io.triangulate.mmm.model;

import java.util.ArrayList;
import java.util.List;

/** Builds the additive decomposition from an intercept, baseline coefficients and media series. */
public final class Decompositions {

  private Decompositions() {}

  /**
   * @param baselineCoefficients one per baseline column of {@code inputs}
   * @param media per channel, its effect per period in target units
   */
  public static Decomposition build(ModelInputs inputs, double intercept, double[] baselineCoefficients, double[][] media) {
    int n = inputs.periods();
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    double[] base = new double[n];
    java.util.Arrays.fill(base, intercept);
    names.add("baseline");
    values.add(base);
    double[] seasonality = null;
    for (int k = 0; k < inputs.baselineCount(); k++) {
      double[] column = inputs.baseline()[k];
      double[] effect = new double[n];
      for (int t = 0; t < n; t++) {
        effect[t] = baselineCoefficients[k] * column[t];
      }
      if (inputs.isSeasonality(k)) {
        if (seasonality == null) {
          seasonality = new double[n];
          names.add("seasonality");
          values.add(seasonality);
        }
        for (int t = 0; t < n; t++) {
          seasonality[t] += effect[t];
        }
      } else {
        names.add(inputs.baselineNames().get(k));
        values.add(effect);
      }
    }
    for (int c = 0; c < inputs.channelCount(); c++) {
      names.add(inputs.channels().get(c));
      values.add(media[c].clone());
    }
    return new Decomposition(inputs.dates().clone(), names, values.toArray(new double[0][]));
  }
}
