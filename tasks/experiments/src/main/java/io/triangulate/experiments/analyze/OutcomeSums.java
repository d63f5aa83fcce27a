package io.triangulate.experiments.analyze;

import io.triangulate.experiments.stats.BinaryArm;
import io.triangulate.experiments.stats.ContinuousArm;

/** Running count, sum and sum of squares of an outcome for one arm (and segment). */
final class OutcomeSums {

  private long n;
  private double sum;
  private double sumOfSquares;

  void add(double value) {
    n++;
    sum += value;
    sumOfSquares += value * value;
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
}
