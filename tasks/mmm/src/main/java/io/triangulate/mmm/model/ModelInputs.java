package io.triangulate.mmm.model;

import io.triangulate.mmm.data.MmmDataset;
import io.triangulate.mmm.transform.FourierSeasonality;
import io.triangulate.mmm.transform.Trend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset made ready for fitting: spend scaled by each channel's maximum (so saturation
 * parameters are comparable across channels and independent of currency), and the baseline design
 * (trend, Fourier terms, user controls) built once so every fit and fold uses identical columns.
 * The target stays in its own units here; each model picks its own scaling.
 */
public record ModelInputs(
    ModelSpec spec,
    LocalDate[] dates,
    String targetName,
    double[] target,
    List<String> channels,
    double[][] spend,
    double[] spendScale,
    double[][] scaledSpend,
    List<String> baselineNames,
    double[][] baseline,
    int controlCount) {

  public static ModelInputs prepare(MmmDataset data, ModelSpec spec) {
    for (String control : data.controls()) {
      if (control.equals("baseline") || control.equals("trend") || control.equals("seasonality")
          || control.matches("(sin|cos)_\\d+")) {
        throw new IllegalArgumentException("control column '" + control
            + "' clashes with a built-in component name (baseline, trend, seasonality, sin_k, cos_k); rename it");
      }
    }
    int minimum = data.channels().size() * 3 + data.controls().size() + 2 * spec.fourierOrder() + 10;
    if (data.periods() < minimum) {
      throw new IllegalArgumentException("only " + data.periods() + " periods for " + data.channels().size()
          + " channels, " + data.controls().size() + " controls and " + spec.fourierOrder()
          + " seasonal pairs; need at least " + minimum + " (fewer channels or a lower --fourier-order)");
    }
    int n = data.periods();
    int channels = data.channels().size();
    double[] scale = new double[channels];
    double[][] scaled = new double[channels][n];
    for (int c = 0; c < channels; c++) {
      double max = 0;
      for (double v : data.spend()[c]) {
        max = Math.max(max, v);
      }
      scale[c] = max > 0 ? max : 1;
      for (int t = 0; t < n; t++) {
        scaled[c][t] = data.spend()[c][t] / scale[c];
      }
    }
    List<String> names = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    if (spec.trend()) {
      names.add("trend");
      columns.add(Trend.linear(n));
    }
    FourierSeasonality seasonality = new FourierSeasonality(spec.seasonalityPeriodDays(), spec.fourierOrder());
    names.addAll(seasonality.names());
    for (double[] column : seasonality.columns(data.dates())) {
      columns.add(column);
    }
    names.addAll(data.controls());
    for (double[] column : data.controlValues()) {
      columns.add(column.clone());
    }
    return new ModelInputs(
        spec, data.dates().clone(), data.targetName(), data.target().clone(), data.channels(),
        deepCopy(data.spend()), scale, scaled, List.copyOf(names), columns.toArray(new double[0][]),
        data.controls().size());
  }

  public int periods() {
    return dates.length;
  }

  public int channelCount() {
    return channels.size();
  }

  public int baselineCount() {
    return baselineNames.size();
  }

  public double totalTarget() {
    double sum = 0;
    for (double v : target) {
      sum += v;
    }
    return sum;
  }

  public double totalSpend(int channel) {
    double sum = 0;
    for (double v : spend[channel]) {
      sum += v;
    }
    return sum;
  }

  /** Is baseline column {@code k} part of the Fourier seasonality (grouped as one component)? */
  public boolean isSeasonality(int k) {
    String name = baselineNames.get(k);
    int userStart = baselineNames.size() - controlCount;
    return k < userStart && (name.startsWith("sin_") || name.startsWith("cos_"));
  }

  private static double[][] deepCopy(double[][] values) {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i].clone();
    }
    return copy;
  }
}
