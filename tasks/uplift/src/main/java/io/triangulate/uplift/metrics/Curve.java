package io.triangulate.uplift.metrics;

/** Points of a gain curve: x = number of rows targeted, y = gain at that many, from (0, 0). */
public record Curve(double[] x, double[] y) {

  /** Trapezoidal area under the points (as {@code sklearn.metrics.auc}). */
  public double area() {
    double a = 0;
    for (int i = 1; i < x.length; i++) {
      a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    }
    return a;
  }

  public double lastX() {
    return x[x.length - 1];
  }

  public double lastY() {
    return y[y.length - 1];
  }
}
