package io.triangulate.uplift.model;

/** Centres and scales columns to mean 0 and SD 1 (a constant column is only centred). */
record Standardiser(double[] mean, double[] scale) {

  static Standardiser of(double[][] x) {
    int p = x[0].length;
    double[] mean = new double[p];
    double[] scale = new double[p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < p; j++) {
      mean[j] /= x.length;
    }
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        double d = row[j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < p; j++) {
      double sd = Math.sqrt(scale[j] / x.length);
      scale[j] = sd > 0 ? sd : 1.0;
    }
    return new Standardiser(mean, scale);
  }

  static Standardiser identity(int p) {
    double[] scale = new double[p];
    java.util.Arrays.fill(scale, 1.0);
    return new Standardiser(new double[p], scale);
  }

  double[][] apply(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = apply(x[i], new double[x[i].length]);
    }
    return out;
  }

  /** Writes the standardised {@code row} into {@code out} and returns it. */
  double[] apply(double[] row, double[] out) {
    for (int j = 0; j < row.length; j++) {
      out[j] = (row[j] - mean[j]) / scale[j];
    }
    return out;
  }
}
