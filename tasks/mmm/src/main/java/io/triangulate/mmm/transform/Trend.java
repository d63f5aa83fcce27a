package io.triangulate.mmm.transform;

/** Linear trend {@code t / (n − 1)}: 0 in the first period, 1 in the last. */
public final class Trend {

  private Trend() {}

  public static double[] linear(int n) {
    double[] trend = new double[n];
    for (int t = 0; t < n; t++) {
      trend[t] = n == 1 ? 0 : (double) t / (n - 1);
    }
    return trend;
  }
}
