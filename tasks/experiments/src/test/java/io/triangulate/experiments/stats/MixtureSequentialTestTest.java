package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixtureSequentialTestTest {

  /*
   * By hand from Λ = √(V/(V+τ²))·exp(τ²Δ̂²/(2V(V+τ²))) and half-width √(V(V+τ²)/τ²·(2 log(1/α) +
   * log((V+τ²)/V))), α = 0.05 (Python):
   *   V = 1, τ² = 1, Δ̂ = 2:        Λ = √½·e = 1.9221155141, half-width √(2·(2 log 20 + log 2)) = 3.6563948714
   *   V = 0.01, τ² = 0.04, Δ̂ = 0.3: Λ = 16.3672280145, half-width 0.3082389994
   */
  @Test
  void likelihoodRatioAndBoundaryMatchHandComputation() {
    MixtureSequentialTest unit = new MixtureSequentialTest(1.0, 0.05);
    assertEquals(1.9221155141, unit.likelihoodRatio(2.0, 1.0), 1e-9);
    assertEquals(3.6563948714, unit.halfWidth(1.0), 1e-9);
    assertEquals(3.6563948714, unit.zBoundary(1.0), 1e-9);

    MixtureSequentialTest small = new MixtureSequentialTest(0.04, 0.05);
    AlwaysValidInterval look = small.look(0.3, 0.01);
    assertEquals(16.3672280145, look.likelihoodRatio(), 1e-8);
    assertEquals(1 / 16.3672280145, look.pValue(), 1e-10);
    assertEquals(0.3 - 0.3082389994, look.interval().low(), 1e-9);
    assertFalse(look.rejected(), "0 is (just) inside the interval, and p = 0.061 > 0.05");
    // Rejection on the interval and on p agree: Λ ≥ 1/α exactly when |Δ̂| ≥ half-width.
    AlwaysValidInterval beyond = small.look(0.31, 0.01);
    assertTrue(beyond.rejected());
    assertTrue(beyond.pValue() <= 0.05, "p " + beyond.pValue());
  }

  @Test
  void tauForTheHorizonMinimisesTheWidthThere() {
    double v = 0.0025;
    double tau2 = MixtureSequentialTest.tauSquaredForHorizon(v, 0.05);
    double best = new MixtureSequentialTest(tau2, 0.05).halfWidth(v);
    assertTrue(new MixtureSequentialTest(tau2 * 1.1, 0.05).halfWidth(v) > best);
    assertTrue(new MixtureSequentialTest(tau2 / 1.1, 0.05).halfWidth(v) > best);
    assertEquals(0.04, MixtureSequentialTest.tauSquaredForEffect(-0.2), 1e-15);
  }

  @Test
  void monitorKeepsTheRunningIntersectionAndMinimumP() {
    MixtureSequentialTest test = new MixtureSequentialTest(1.0, 0.05);
    List<AlwaysValidInterval> looks = test.monitor(new double[] {2.0, Double.NaN, -1.0}, new double[] {1.0, 1.0, 0.25});
    assertEquals(new Interval(2.0 - 3.6563948714, 2.0 + 3.6563948714).low(), looks.get(0).interval().low(), 1e-9);
    assertEquals(looks.get(0).interval(), looks.get(1).interval(), "an undefined look carries the interval over");
    double hw = test.halfWidth(0.25);
    assertEquals(2.0 - 3.6563948714, looks.get(2).interval().low(), 1e-9, "the older low end is higher");
    assertEquals(-1.0 + hw, looks.get(2).interval().high(), 1e-12, "the newer high end is lower");
    // Look 3 alone: Λ = √(0.25/1.25)·exp(1/(2·0.25·1.25)) = 2.2150634391, so p = 1/Λ = 0.4514542 is
    // the running minimum; at look 2 (undefined) look 1's p = 1/1.9221155141 carries over.
    assertEquals(1 / 1.9221155141, looks.get(1).pValue(), 1e-9, "carried over");
    assertEquals(1 / 2.2150634391, looks.get(2).pValue(), 1e-9, "running minimum of p");
  }

  /*
   * Daily peeking under the null: 2,000 experiments, 30 days, 200 new units per arm per day with
   * N(0, 1) outcomes (a day's arm sum is N(0, 200), drawn directly). The cumulative difference after
   * day k has variance 2/(200k), estimated by the plug-in s²/n from the daily sums. τ² is chosen for the
   * 30-day horizon. A test that stops at the first day its interval excludes 0:
   *   - fixed-horizon 95% z-interval: FPR far above 5% (about 20–25% for 30 looks);
   *   - always-valid interval: FPR ≤ 5% (Ville's inequality).
   * The Monte Carlo sd of a 5% rate over 2,000 experiments is 0.49 pp.
   */
  @Test
  void peekingDailyKeepsTheSequentialFalsePositiveRateBelowAlphaButNotTheFixedOne() {
    int experiments = 2_000;
    int days = 30;
    int perDay = 200;
    double horizonVariance = 2.0 / (perDay * days);
    MixtureSequentialTest test =
        new MixtureSequentialTest(MixtureSequentialTest.tauSquaredForHorizon(horizonVariance, 0.05), 0.05);
    double z = ConfidenceLevel.NINETY_FIVE.criticalValue();
    SplittableRandom random = new SplittableRandom(7_301L);
    int sequentialFalse = 0;
    int fixedFalse = 0;
    for (int r = 0; r < experiments; r++) {
      Peeking peek = peek(random, test, days, perDay, 0.0, z);
      sequentialFalse += peek.sequential ? 1 : 0;
      fixedFalse += peek.fixed ? 1 : 0;
    }
    double sequentialRate = (double) sequentialFalse / experiments;
    double fixedRate = (double) fixedFalse / experiments;
    String figures =
        String.format("daily peeking for %d days: always-valid FPR %.4f, fixed-horizon FPR %.4f", days, sequentialRate, fixedRate);
    assertTrue(sequentialRate <= 0.05, figures);
    assertTrue(fixedRate > 0.10, figures);
  }

  record Peeking(boolean sequential, boolean fixed) {}

  static Peeking peek(SplittableRandom random, MixtureSequentialTest test, int days, int perDay, double effect, double z) {
    double sumT = 0, sumC = 0, sqT = 0, sqC = 0;
    boolean sequential = false;
    boolean fixed = false;
    double sd = Math.sqrt(perDay);
    for (int day = 1; day <= days; day++) {
      // Unit-level sums of squares of N(μ, 1) units: Σy² = Σ(y−μ)² + 2μΣ(y−μ) + nμ², with
      // Σ(y−μ)² ~ χ²(perDay) ≈ N(perDay, 2·perDay) at this size.
      double dT = CupedTest.gaussian(random) * sd;
      double dC = CupedTest.gaussian(random) * sd;
      sumT += dT + perDay * effect;
      sumC += dC;
      sqT += perDay + Math.sqrt(2.0 * perDay) * CupedTest.gaussian(random) + 2 * effect * dT + perDay * effect * effect;
      sqC += perDay + Math.sqrt(2.0 * perDay) * CupedTest.gaussian(random);
      long n = (long) perDay * day;
      ContinuousArm treated = new ContinuousArm(n, sumT, sqT);
      ContinuousArm control = new ContinuousArm(n, sumC, sqC);
      AlwaysValidInterval look = test.look(treated, control);
      sequential |= look.rejected();
      fixed |= Math.abs(look.estimate()) > z * Math.sqrt(look.variance());
    }
    return new Peeking(sequential, fixed);
  }
}
