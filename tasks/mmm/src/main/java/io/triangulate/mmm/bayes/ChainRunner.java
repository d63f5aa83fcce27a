package io.triangulate.mmm.bayes;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * One NUTS chain: windowed warm-up (step size by dual averaging, dense metric from the draws of
 * each window), then sampling with both frozen. Draws are returned on the unconstrained scale.
 */
public final class ChainRunner {

  /** A chain's draws (unconstrained scale) and the sampler's own statistics. */
  public record Output(double[][] draws, int divergences, double meanAcceptance, double meanLeapfrogs,
      int maxDepthHits, double stepSize) {}

  private ChainRunner() {}

  static Output run(
      LogDensity density, double[] start, int warmup, int samples, int maxDepth, double targetAcceptance,
      long seed, IntConsumer progress) {
    int d = density.dimension();
    SplittableRandom random = new SplittableRandom(seed);
    double[][] cholesky = AffineDensity.identity(d);
    AffineDensity preconditioned = new AffineDensity(density, cholesky);
    double[] x = start.clone();
    double[] phi = preconditioned.toPhi(x);
    double[] grad = new double[d];
    double logp = preconditioned.evaluate(phi, grad);
    if (!Double.isFinite(logp)) {
      throw new IllegalStateException("the starting point has zero posterior density");
    }
    Nuts nuts = new Nuts(preconditioned, maxDepth, random);
    double step = nuts.initialStep(phi, logp, grad);
    DualAveraging adaptation = new DualAveraging(targetAcceptance, step);
    WarmupSchedule schedule = new WarmupSchedule(warmup);
    MetricEstimator estimator = new MetricEstimator(d);

    double[][] draws = new double[samples][];
    int divergences = 0;
    double acceptanceSum = 0;
    double leapfrogSum = 0;
    int depthHits = 0;
    for (int i = 0; i < warmup + samples; i++) {
      Nuts.Transition transition = nuts.transition(phi, logp, grad, step);
      phi = transition.q().clone();
      logp = transition.logp();
      grad = transition.grad().clone();
      if (i < warmup) {
        step = adaptation.update(transition.acceptance());
        if (schedule.collects(i)) {
          double[] current = new double[d];
          preconditioned.toX(phi, current);
          estimator.add(current);
        }
        if (schedule.endsWindow(i)) {
          double[] current = new double[d];
          preconditioned.toX(phi, current);
          cholesky = AffineDensity.cholesky(estimator.covariance());
          estimator.reset();
          preconditioned = new AffineDensity(density, cholesky);
          nuts = new Nuts(preconditioned, maxDepth, random);
          phi = preconditioned.toPhi(current);
          logp = preconditioned.evaluate(phi, grad);
          step = nuts.initialStep(phi, logp, grad);
          adaptation.restart(step);
        }
        if (i == warmup - 1) {
          step = adaptation.finalStep();
        }
      } else {
        double[] current = new double[d];
        preconditioned.toX(phi, current);
        draws[i - warmup] = current;
        divergences += transition.divergent() ? 1 : 0;
        acceptanceSum += transition.acceptance();
        leapfrogSum += transition.leapfrogs();
        depthHits += transition.depth() >= maxDepth ? 1 : 0;
      }
      progress.accept(i + 1);
    }
    return new Output(draws, divergences, acceptanceSum / samples, leapfrogSum / samples, depthHits, step);
  }
}
