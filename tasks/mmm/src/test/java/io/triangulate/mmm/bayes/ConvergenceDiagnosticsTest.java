package io.triangulate.mmm.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvergenceDiagnosticsTest {

  private static double[][] ar1(int chains, int n, double rho, double[] offsets, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] draws = new double[chains][n];
    double innovation = Math.sqrt(1 - rho * rho);
    for (int j = 0; j < chains; j++) {
      double x = random.nextGaussian();
      for (int i = 0; i < n; i++) {
        x = rho * x + innovation * random.nextGaussian();
        draws[j][i] = x + offsets[j];
      }
    }
    return draws;
  }

  @Test
  void independentDrawsHaveRhatNearOneAndFullEss() {
    double[][] draws = ar1(4, 1000, 0, new double[4], 1);
    double rhat = ConvergenceDiagnostics.splitRhat(draws);
    double ess = ConvergenceDiagnostics.effectiveSampleSize(draws);
    assertEquals(1, rhat, 0.01);
    // 4000 independent draws: the estimate's own noise is a few percent.
    assertEquals(4000, ess, 400);
  }

  @Test
  void autocorrelatedDrawsHaveTheTheoreticalEss() {
    // AR(1) with ρ = 0.9: integrated autocorrelation time (1 + ρ)/(1 − ρ) = 19.
    double[][] draws = ar1(4, 5000, 0.9, new double[4], 2);
    double ess = ConvergenceDiagnostics.effectiveSampleSize(draws);
    assertEquals(20000 / 19.0, ess, 0.2 * 20000 / 19.0);
  }

  @Test
  void chainsThatDisagreeFailRhat() {
    double[][] draws = ar1(4, 1000, 0.5, new double[] {0, 0, 0, 1}, 3);
    assertTrue(ConvergenceDiagnostics.splitRhat(draws) > 1.05);
  }

  @Test
  void splittingCatchesDriftWithinOneChain() {
    double[][] draws = ar1(2, 1000, 0, new double[2], 4);
    for (int i = 500; i < 1000; i++) {
      draws[0][i] += 1.5;
      draws[1][i] += 1.5;
    }
    assertTrue(ConvergenceDiagnostics.splitRhat(draws) > 1.1);
  }
}
