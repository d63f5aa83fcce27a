package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;

class BayesianReadoutTest {

  /**
   * Evan Miller, "Formulas for Bayesian A/B testing" (2015): for integer a_X,
   * P(X &gt; Y) = Σ_{i=0}^{a_X−1} B(a_Y + i, b_Y + b_X) / ((b_X + i) B(1 + i, b_X) B(a_Y, b_Y)).
   * Written out here as the independent reference for the numeric integration.
   */
  static double evanMiller(int aX, double bX, double aY, double bY) {
    double sum = 0;
    for (int i = 0; i < aX; i++) {
      sum += Math.exp(Beta.logBeta(aY + i, bY + bX) - Math.log(bX + i) - Beta.logBeta(1 + i, bX) - Beta.logBeta(aY, bY));
    }
    return sum;
  }

  /*
   * Exact values: Beta(1,1) vs Beta(1,1): P = ½, E[max(U₁ − U₂, 0)] = E|U₁ − U₂|/2 = 1/6.
   * Beta(2,1) (density 2x) vs uniform: P = ∫ 2x·x dx = 2/3.
   * Evan Miller's sum (Python): P(Beta(4,8) > Beta(6,6)) = 0.1934984520;
   * P(Beta(521,4481) > Beta(501,4501)) = 0.7455379780 (520 vs 500 conversions of 5,000, uniform prior).
   */
  @Test
  void chanceToBeatMatchesExactValues() {
    assertEquals(0.5, BayesianReadout.probabilityGreater(1, 1, 1, 1), 1e-12);
    assertEquals(2.0 / 3, BayesianReadout.probabilityGreater(2, 1, 1, 1), 1e-10);
    assertEquals(0.1934984520, BayesianReadout.probabilityGreater(4, 8, 6, 6), 1e-9);
    assertEquals(0.7455379780, BayesianReadout.probabilityGreater(521, 4481, 501, 4501), 1e-9);
    assertEquals(evanMiller(521, 4481, 501, 4501), BayesianReadout.probabilityGreater(521, 4481, 501, 4501), 1e-9);
    // A wide treated posterior against a narrow control one (the integration switches sides).
    assertEquals(evanMiller(3, 20, 1001, 9001), BayesianReadout.probabilityGreater(3, 20, 1001, 9001), 1e-9);

    BayesianResult uniform = BayesianReadout.binary(new BinaryArm(0, 0), new BinaryArm(0, 0), BetaPrior.UNIFORM,
        ConfidenceLevel.NINETY_FIVE);
    assertEquals(0.5, uniform.chanceToBeatControl(), 1e-12);
    assertEquals(1.0 / 6, uniform.expectedLossChoosingTreated(), 1e-10);
    assertEquals(1.0 / 6, uniform.expectedLossChoosingControl(), 1e-10);
    assertEquals("Beta(1, 1)", uniform.prior());
  }

  /*
   * Expected loss against a seeded Monte Carlo of 400,000 posterior draws (Commons Math Beta sampler,
   * Well19937c seed 11). The Monte Carlo sd of a mean of max(C − T, 0) is sd(loss)/√400000; we allow 4.
   */
  @Test
  void expectedLossAgreesWithMonteCarlo() {
    BinaryArm treated = new BinaryArm(5_000, 520);
    BinaryArm control = new BinaryArm(5_000, 500);
    BetaPrior prior = new BetaPrior(2, 20);
    BayesianResult result = BayesianReadout.binary(treated, control, prior, ConfidenceLevel.NINETY_FIVE);
    BetaDistribution t = new BetaDistribution(new Well19937c(11), 2 + 520, 20 + 4480);
    BetaDistribution c = new BetaDistribution(new Well19937c(12), 2 + 500, 20 + 4500);
    int draws = 400_000;
    double sumLossT = 0, sumSqT = 0, sumLossC = 0, sumSqC = 0, wins = 0;
    for (int i = 0; i < draws; i++) {
      double pt = t.sample();
      double pc = c.sample();
      double lossT = Math.max(pc - pt, 0);
      double lossC = Math.max(pt - pc, 0);
      sumLossT += lossT;
      sumSqT += lossT * lossT;
      sumLossC += lossC;
      sumSqC += lossC * lossC;
      wins += pt > pc ? 1 : 0;
    }
    double meanT = sumLossT / draws;
    double meanC = sumLossC / draws;
    double seT = Math.sqrt((sumSqT / draws - meanT * meanT) / draws);
    double seC = Math.sqrt((sumSqC / draws - meanC * meanC) / draws);
    double chance = wins / draws;
    assertEquals(meanT, result.expectedLossChoosingTreated(), 4 * seT);
    assertEquals(meanC, result.expectedLossChoosingControl(), 4 * seC);
    assertEquals(chance, result.chanceToBeatControl(), 4 * Math.sqrt(chance * (1 - chance) / draws));
    assertEquals(evanMiller(522, 4500, 502, 4520), result.chanceToBeatControl(), 1e-9);
    // E[T − C] = loss of keeping control − loss of shipping treatment, exactly.
    assertEquals(
        result.posteriorMeanDifference(),
        result.expectedLossChoosingControl() - result.expectedLossChoosingTreated(),
        1e-9);
  }

  /*
   * Normal model (Python): Δ̂ = 0.5, SE = 0.25.
   *   flat prior: P = Φ(2) = 0.9772498681, E[max(−Δ, 0)] = 0.25·φ(2) − 0.5·Φ(−2) = 0.0021226757
   *   prior N(0, 1): precision 16 + 1, mean 8/17 = 0.4705882353, sd 1/√17 = 0.2425356250,
   *     P = 0.9738274684, loss(treated) = 0.0024130859, loss(control) = 0.4730013212
   */
  @Test
  void continuousReadoutMatchesHandComputation() {
    // Arms giving Δ̂ = 0.5 and SE² = 1/32 + 1/32 = 0.0625: n = 2 each with s² = 1/16·... built directly:
    // n = 32, variance 1 per arm → SE² = 2/32 = 0.0625. Treated values mean 1.5, control mean 1.
    ContinuousArm treated = arm(32, 1.5, 1.0);
    ContinuousArm control = arm(32, 1.0, 1.0);
    BayesianResult flat = BayesianReadout.continuous(treated, control, NormalPrior.FLAT, ConfidenceLevel.NINETY_FIVE);
    assertEquals(0.9772498681, flat.chanceToBeatControl(), 1e-9);
    assertEquals(0.0021226757, flat.expectedLossChoosingTreated(), 1e-9);
    assertEquals(0.5, flat.posteriorMeanDifference(), 1e-12);
    assertEquals("flat", flat.prior());

    BayesianResult shrunk =
        BayesianReadout.continuous(treated, control, new NormalPrior(0, 1), ConfidenceLevel.NINETY_FIVE);
    assertEquals(0.4705882353, shrunk.posteriorMeanDifference(), 1e-9);
    assertEquals(0.9738274684, shrunk.chanceToBeatControl(), 1e-9);
    assertEquals(0.0024130859, shrunk.expectedLossChoosingTreated(), 1e-9);
    assertEquals(0.4730013212, shrunk.expectedLossChoosingControl(), 1e-9);
    assertEquals(0.4705882353 + 1.959963985 * 0.2425356250, shrunk.credibleInterval().high(), 1e-8);
  }

  @Test
  void undefinedAndInvalidInputs() {
    BayesianResult r = BayesianReadout.continuous(arm(1, 1, 0), arm(5, 1, 1), NormalPrior.FLAT, ConfidenceLevel.NINETY_FIVE);
    assertTrue(Double.isNaN(r.chanceToBeatControl()));
    assertEquals(1, r.notes().size());
    assertThrows(IllegalArgumentException.class, () -> new BetaPrior(0.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new NormalPrior(0, 0));
  }

  /** n units with the given mean and unbiased sample variance. */
  private static ContinuousArm arm(long n, double mean, double variance) {
    double sum = n * mean;
    return new ContinuousArm(n, sum, variance * (n - 1) + sum * mean);
  }
}
