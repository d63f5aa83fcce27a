package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
   * Daily peeking under the null (PeekingSimulation): 2,000 experiments, 30 days, 200 new units per
   * arm per day with N(0, 1) outcomes, variance estimated by the plug-in s²/n, τ² tuned to the 30-day
   * horizon. A team that stops at the first day its interval excludes 0 gets
   *   - with the fixed-horizon 95% z-interval: an FPR far above 5% (measured 26.3% with this seed);
   *   - with the always-valid interval: FPR ≤ 5% (Ville's inequality; measured 1.25%).
   * The Monte Carlo sd of a 5% rate over 2,000 experiments is 0.49 pp. The fixed interval looked at
   * once, on the last day, must keep its 5% (±3 sd), which checks the simulation itself.
   * Under an effect of 0.06 sd, the fixed interval looked at once on day 30 has power
   * Φ(0.06/√(2/6000) − 1.96) = Φ(1.3263) = 90.76% (measured 90.3%, sd 0.9 pp over 1,000), and the
   * sequential test, peeked daily, must still find most effects: measured 67.3%. That gap is the price
   * of being allowed to stop any day.
   */
  @Test
  void peekingDailyKeepsTheSequentialFalsePositiveRateBelowAlphaButNotTheFixedOne() {
    PeekingSimulation.Result r = PeekingSimulation.run(2_000, 30, 200, 0.0, 0.05, 7_301L);
    String figures =
        String.format(
            "daily peeking for 30 days: always-valid FPR %.4f, fixed-horizon FPR %.4f, fixed last-day-only %.4f",
            r.sequentialRejectionRate(), r.fixedRejectionRate(), r.fixedFinalRejectionRate());
    assertTrue(r.sequentialRejectionRate() <= 0.05, figures);
    assertTrue(r.fixedRejectionRate() > 0.10, figures);
    assertEquals(0.05, r.fixedFinalRejectionRate(), 3 * Math.sqrt(0.05 * 0.95 / 2_000), figures);

    PeekingSimulation.Result power = PeekingSimulation.run(1_000, 30, 200, 0.06, 0.05, 7_302L);
    assertEquals(0.9076, power.fixedFinalRejectionRate(), 3 * Math.sqrt(0.9076 * 0.0924 / 1_000), "fixed power " + power);
    assertTrue(power.sequentialRejectionRate() > 0.55, "sequential power " + power);
  }
}
