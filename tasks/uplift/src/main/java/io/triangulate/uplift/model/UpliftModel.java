package io.triangulate.uplift.model;

/** A fitted uplift model: predicted P(y = 1 | x, treated) − P(y = 1 | x, control) per row. */
public record UpliftModel(Learner learner, BaseModel base, Predictor uplift) {

  public double[] predict(double[][] x) {
    return uplift.predict(x);
  }
}
