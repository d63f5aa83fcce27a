package io.triangulate.uplift.model;

/** A fitted model: one number per row of a feature matrix (a probability or a regression value). */
@FunctionalInterface
public interface Predictor {
  double[] predict(double[][] x);
}
