package io.triangulate.mmm.bayes;

/**
 * Nesterov dual averaging of the log step size towards a target acceptance rate (Hoffman and
 * Gelman 2014, section 3.2), with their recommended constants γ = 0.05, t₀ = 10, κ = 0.75.
 */
final class DualAveraging {

  private static final double GAMMA = 0.05;
  private static final double T0 = 10;
  private static final double KAPPA = 0.75;

  private final double target;
  private double mu;
  private double errorSum;
  private double logStep;
  private double logStepAverage;
  private int iteration;

  DualAveraging(double target, double initialStep) {
    this.target = target;
    restart(initialStep);
  }

  /** Starts over around a new step size (after the metric changed). */
  void restart(double step) {
    mu = Math.log(10 * step);
    errorSum = 0;
    logStep = Math.log(step);
    logStepAverage = 0;
    iteration = 0;
  }

  /** Feeds one iteration's mean acceptance statistic; returns the step size for the next one. */
  double update(double acceptance) {
    iteration++;
    double weight = 1.0 / (iteration + T0);
    errorSum = (1 - weight) * errorSum + weight * (target - acceptance);
    logStep = mu - Math.sqrt(iteration) / GAMMA * errorSum;
    double eta = Math.pow(iteration, -KAPPA);
    logStepAverage = eta * logStep + (1 - eta) * logStepAverage;
    return Math.exp(logStep);
  }

  /** The averaged step size, used once adaptation ends. */
  double finalStep() {
    return Math.exp(logStepAverage);
  }
}
