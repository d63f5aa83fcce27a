package io.triangulate.experiments.analyze;

import io.triangulate.experiments.stats.BinaryArm;
import io.triangulate.experiments.stats.ContinuousArm;
import io.triangulate.experiments.stats.CovariateArm;

/**
 * Running count, sum and sum of squares of an outcome for one arm (and segment), and, when a
 * pre-period covariate is analysed, its sum, sum of squares and cross-products with the outcome.
 */
final class OutcomeSums {

  private long n;
  private double sum;
  private double sumOfSquares;
  private double sumX;
  private double sumX2;
  private double sumXY;

  void add(double value) {
    n++;
    sum += value;
    sumOfSquares += value * value;
  }

  void add(double value, double covariate) {
    add(value);
    sumX += covariate;
    sumX2 += covariate * covariate;
    sumXY += covariate * value;
  }

  long n() {
    return n;
  }

  /** Valid only for 0/1 outcomes, where the sum is the number of successes. */
  BinaryArm asBinary() {
    return new BinaryArm(n, Math.round(sum));
  }

  ContinuousArm asContinuous() {
    return new ContinuousArm(n, sum, sumOfSquares);
  }

  /** Meaningful only when the units were added with a covariate. */
  CovariateArm asCovariate() {
    return new CovariateArm(n, sum, sumOfSquares, sumX, sumX2, sumXY);
  }
}
