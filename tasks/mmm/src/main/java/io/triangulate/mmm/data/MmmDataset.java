package io.triangulate.mmm.data;

import java.time.LocalDate;
import java.util.List;

/**
 * A clean, date-ordered modelling table: one row per period with the target (revenue or orders),
 * spend per media channel and control variables (events, promotions, price…). Arrays are indexed
 * {@code [column][period]}.
 */
public record MmmDataset(
    LocalDate[] dates,
    String targetName,
    double[] target,
    List<String> channels,
    double[][] spend,
    List<String> controls,
    double[][] controlValues) {

  public MmmDataset {
    int n = dates.length;
    if (target.length != n) {
      throw new IllegalArgumentException("target has " + target.length + " values for " + n + " dates");
    }
    if (spend.length != channels.size() || controlValues.length != controls.size()) {
      throw new IllegalArgumentException("column names and value arrays differ in number");
    }
    for (double[] column : spend) {
      if (column.length != n) {
        throw new IllegalArgumentException("a spend column has the wrong length");
      }
    }
    for (double[] column : controlValues) {
      if (column.length != n) {
        throw new IllegalArgumentException("a control column has the wrong length");
      }
    }
    channels = List.copyOf(channels);
    controls = List.copyOf(controls);
  }

  public int periods() {
    return dates.length;
  }

  /** Total spend of a channel over the whole table. */
  public double totalSpend(int channel) {
    double total = 0;
    for (double v : spend[channel]) {
      total += v;
    }
    return total;
  }

  /** The same table with one more control column (e.g. an event dummy built from dates). */
  public MmmDataset withControl(String name, double[] values) {
    if (controls.contains(name) || channels.contains(name) || name.equals(targetName)) {
      throw new IllegalArgumentException("a column named '" + name + "' already exists");
    }
    java.util.List<String> names = new java.util.ArrayList<>(controls);
    names.add(name);
    double[][] columns = java.util.Arrays.copyOf(controlValues, controlValues.length + 1);
    columns[controlValues.length] = values.clone();
    return new MmmDataset(dates, targetName, target, channels, spend, names, columns);
  }

  /** The first {@code periods} rows: for fitting on a training window. */
  public MmmDataset head(int periods) {
    return slice(0, periods);
  }

  public MmmDataset slice(int from, int to) {
    double[][] s = new double[spend.length][];
    for (int c = 0; c < spend.length; c++) {
      s[c] = java.util.Arrays.copyOfRange(spend[c], from, to);
    }
    double[][] k = new double[controlValues.length][];
    for (int j = 0; j < controlValues.length; j++) {
      k[j] = java.util.Arrays.copyOfRange(controlValues[j], from, to);
    }
    return new MmmDataset(
        java.util.Arrays.copyOfRange(dates, from, to), targetName,
        java.util.Arrays.copyOfRange(target, from, to), channels, s, controls, k);
  }
}
