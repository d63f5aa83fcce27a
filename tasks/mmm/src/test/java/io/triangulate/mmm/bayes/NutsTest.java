package io.triangulate.mmm.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NutsTest {

  /** Bivariate normal with sds 1 and 10 and correlation 0.95: badly scaled and correlated. */
  private static final LogDensity GAUSSIAN = new LogDensity() {
    private final double s1 = 1;
    private final double s2 = 10;
    private final double rho = 0.95;

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
      double z1 = x[0] / s1;
      double z2 = (x[1] - 3) / s2;
      double k = 1 / (1 - rho * rho);
      gradient[0] = -k * (z1 - rho * z2) / s1;
      gradient[1] = -k * (z2 - rho * z1) / s2;
      return -0.5 * k * (z1 * z1 - 2 * rho * z1 * z2 + z2 * z2);
    }
  };

  @Test
  void samplesACorrelatedGaussianWithTheRightMomentsAfterAdaptation() {
    ChainRunner.Output output = ChainRunner.run(GAUSSIAN, new double[] {2, -10}, 1000, 4000, 10, 0.8, 11, i -> {});
    double[][] draws = output.draws();
    int n = draws.length;
    double m1 = 0;
    double m2 = 0;
    for (double[] d : draws) {
      m1 += d[0] / n;
      m2 += d[1] / n;
    }
    double v1 = 0;
    double v2 = 0;
    double c12 = 0;
    for (double[] d : draws) {
      v1 += (d[0] - m1) * (d[0] - m1) / n;
      v2 += (d[1] - m2) * (d[1] - m2) / n;
      c12 += (d[0] - m1) * (d[1] - m2) / n;
    }
    // Monte Carlo error with ~2000+ effective draws: means within ~0.1 sd, sds within ~5%.
    assertEquals(0, m1, 0.1);
    assertEquals(3, m2, 1.0);
    assertEquals(1, Math.sqrt(v1), 0.07);
    assertEquals(10, Math.sqrt(v2), 0.7);
    assertEquals(0.95, c12 / Math.sqrt(v1 * v2), 0.02);
    assertEquals(0, output.divergences());
    // The dense metric makes this an easy, isotropic problem: short trajectories suffice.
    assertTrue(output.meanLeapfrogs() < 8, "leapfrogs " + output.meanLeapfrogs());
  }

  @Test
  void warmupWindowsFollowStan() {
    assertEquals(List.of(100, 150, 250, 450, 950), new WarmupSchedule(1000).windowEnds());
    WarmupSchedule shortOne = new WarmupSchedule(100);
    assertEquals(List.of(90), shortOne.windowEnds()); // 15 init, 75 window, 10 terminal
    assertTrue(shortOne.collects(15));
    assertTrue(!shortOne.collects(14));
  }
}
