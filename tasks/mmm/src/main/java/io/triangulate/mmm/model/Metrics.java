package io.triangulate.mmm.model;

/** Goodness-of-fit measures on actual versus predicted values. */
public final class Metrics {

  private Metrics() {}

  public static double rSquared(double[] actual, double[] predicted) {
    double mean = mean(actual);
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < actual.length; i++) {
      double r = actual[i] - predicted[i];
      double d = actual[i] - mean;
      ssRes += r * r;
      ssTot += d * d;
    }
    return ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
  }

  public static double mae(double[] actual, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(actual[i] - predicted[i]);
    }
    return sum / actual.length;
  }

  public static double rmse(double[] actual, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double r = actual[i] - predicted[i];
      sum += r * r;
    }
    return Math.sqrt(sum / actual.length);
  }

  /** Mean absolute percentage error, skipping periods whose actual value is zero. */
  public static double mape(double[] actual, double[] predicted) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] != 0) {
        sum += Math.abs((actual[i] - predicted[i]) / actual[i]);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** RMSE divided by the range of the actual values (Robyn's NRMSE). */
  public static double nrmse(double[] actual, double[] predicted) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : actual) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    return range == 0 ? Double.NaN : rmse(actual, predicted) / range;
  }

  /**
   * Robyn's DECOMP.RSSD: {@code sqrt(Σ_c (effectShare_c − spendShare_c)²)}, where shares are of the
   * total media effect and total media spend. 0 when effects are split exactly like spend; it is a
   * plausibility prior ("no channel is wildly better than its budget suggests"), not a truth.
   */
  public static double decompRssd(double[] effects, double[] spends) {
    double effectTotal = 0;
    double spendTotal = 0;
    for (int c = 0; c < effects.length; c++) {
      effectTotal += effects[c];
      spendTotal += spends[c];
    }
    double sum = 0;
    for (int c = 0; c < effects.length; c++) {
      double effectShare = effectTotal == 0 ? 0 : effects[c] / effectTotal;
      double spendShare = spendTotal == 0 ? 0 : spends[c] / spendTotal;
      double d = effectShare - spendShare;
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Linear-interpolated quantile ({@code q} in [0, 1]) of an unsorted sample; it is not modified. */
  public static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    double fraction = position - lower;
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
  }
}
