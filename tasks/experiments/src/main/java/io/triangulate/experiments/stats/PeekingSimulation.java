package io.triangulate.experiments.stats;

import java.util.SplittableRandom;

/**
 * A seeded replication study of daily peeking: two arms gain {@code unitsPerDay} units each per day
 * with N(μ, 1) outcomes (μ = 0 in control, {@code effect} in treatment); after every day the
 * cumulative difference is tested (a) with the fixed-horizon z-interval at level 1 − α and (b) with
 * the always-valid mSPRT interval of {@link MixtureSequentialTest}, τ² tuned to the last day. An
 * experiment counts as rejected by a method if any day's look rejected: what a team that stops at the
 * first significant day experiences. With effect 0 the rates are false-positive rates.
 *
 * <p>Each day's arm sums are drawn directly (Σy ~ N(nμ, n)) and so are the sums of squares, using
 * Σ(y − μ)² ~ χ²(n) ≈ N(n, 2n) at these sizes, so the variance in the tests is the estimated plug-in
 * s²/n as for real data. Cheap: 2,000 experiments of 30 days take about 0.2 s.
 */
public final class PeekingSimulation {

  /**
   * @param experiments replications
   * @param days looks per experiment
   * @param sequentialRejectionRate share of experiments the always-valid interval rejected on some day
   * @param fixedRejectionRate share the daily-peeked fixed-horizon interval rejected on some day
   * @param fixedFinalRejectionRate share the fixed-horizon interval rejected on the last day only (its
   *     honest use: one look)
   * @param tauSquared the mixing variance used
   */
  public record Result(
      int experiments,
      int days,
      double sequentialRejectionRate,
      double fixedRejectionRate,
      double fixedFinalRejectionRate,
      double tauSquared) {

    /** Monte Carlo standard error of a rate r over the experiments, √(r(1−r)/R). */
    public double standardError(double rate) {
      return Math.sqrt(rate * (1 - rate) / experiments);
    }
  }

  private PeekingSimulation() {}

  public static Result run(int experiments, int days, int unitsPerDay, double effect, double alpha, long seed) {
    if (experiments < 1 || days < 1 || unitsPerDay < 2) {
      throw new IllegalArgumentException(
          "need at least 1 experiment, 1 day and 2 units per arm per day, got " + experiments + ", " + days + ", "
              + unitsPerDay);
    }
    double horizonVariance = 2.0 / ((double) unitsPerDay * days);
    double tau2 = MixtureSequentialTest.tauSquaredForHorizon(horizonVariance, alpha);
    MixtureSequentialTest test = new MixtureSequentialTest(tau2, alpha);
    double z = new ConfidenceLevel(1 - alpha).criticalValue();
    SplittableRandom random = new SplittableRandom(seed);
    int sequential = 0;
    int fixed = 0;
    int fixedFinal = 0;
    double sd = Math.sqrt(unitsPerDay);
    double sdSquares = Math.sqrt(2.0 * unitsPerDay);
    for (int r = 0; r < experiments; r++) {
      double sumT = 0, sumC = 0, sqT = 0, sqC = 0;
      boolean seqRejected = false;
      boolean fixedRejected = false;
      boolean finalRejected = false;
      for (int day = 1; day <= days; day++) {
        double dT = gaussian(random) * sd; // Σ(y − μ) in the treated arm today
        double dC = gaussian(random) * sd;
        sumT += dT + unitsPerDay * effect;
        sumC += dC;
        // Σy² = Σ(y − μ)² + 2μΣ(y − μ) + nμ²
        sqT += Math.max(0, unitsPerDay + sdSquares * gaussian(random)) + 2 * effect * dT + unitsPerDay * effect * effect;
        sqC += Math.max(0, unitsPerDay + sdSquares * gaussian(random));
        long n = (long) unitsPerDay * day;
        AlwaysValidInterval look = test.look(new ContinuousArm(n, sumT, sqT), new ContinuousArm(n, sumC, sqC));
        seqRejected |= look.rejected();
        boolean fixedNow = Math.abs(look.estimate()) > z * Math.sqrt(look.variance());
        fixedRejected |= fixedNow;
        finalRejected = fixedNow;
      }
      sequential += seqRejected ? 1 : 0;
      fixed += fixedRejected ? 1 : 0;
      fixedFinal += finalRejected ? 1 : 0;
    }
    return new Result(
        experiments, days, (double) sequential / experiments, (double) fixed / experiments,
        (double) fixedFinal / experiments, tau2);
  }

  /** Box–Muller: one standard normal from two uniforms. */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
