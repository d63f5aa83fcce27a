package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeltaMethodTest {

  /*
   * Five members (revenue, orders): (10,1) (0,0) (35,2) (12,1) (50,3). By hand (Python):
   *   R = 107/7 = 15.2857142857; s²_num = 449.3, s²_den = 1.3, s_num,den = 23.75 (n − 1 = 4),
   *   d̄ = 1.4; Var = (449.3 − 2R·23.75 + R²·1.3)/(5·1.96) → SE 1.3879051540
   */
  @Test
  void revenuePerOrderMatchesHandComputation() {
    RatioArm arm = new RatioArm(5, 107, 7, 3969, 15, 242);
    RatioEstimate r = DeltaMethod.ratio(arm, ConfidenceLevel.NINETY_FIVE);
    assertEquals(15.2857142857, r.ratio(), 1e-9);
    assertEquals(1.3879051540, r.standardError(), 1e-9);
    assertEquals(15.2857142857 + 1.959963985 * 1.3879051540, r.interval().high(), 1e-8);

    // Against itself the difference is 0 with SE √2 times one arm's.
    RatioComparison c = DeltaMethod.compare(arm, arm, ConfidenceLevel.NINETY_FIVE);
    assertEquals(0.0, c.difference(), 1e-12);
    assertEquals(Math.sqrt(2) * 1.3879051540, c.standardError(), 1e-9);
    assertEquals(1.0, c.pValue(), 1e-12);
    assertEquals(0.0, c.relativeDifference(), 1e-12);
  }

  @Test
  void denominatorOfZeroAndTinyArmsAreNoted() {
    RatioEstimate none = DeltaMethod.ratio(new RatioArm(3, 0, 0, 0, 0, 0), ConfidenceLevel.NINETY_FIVE);
    assertTrue(Double.isNaN(none.ratio()));
    assertEquals("denominator sums to 0: ratio undefined", none.notes().get(0));
    RatioComparison c =
        DeltaMethod.compare(new RatioArm(1, 5, 1, 25, 1, 5), new RatioArm(5, 107, 7, 3969, 15, 242),
            ConfidenceLevel.NINETY_FIVE);
    assertTrue(Double.isNaN(c.pValue()));
    assertTrue(c.notes().get(0).startsWith("treated arm has fewer than 2 units"), c.notes().toString());
  }

  /*
   * Coverage of the revenue-per-order difference: members have orders ~ Poisson(1.5) and each order's
   * value is lognormal(3, 1²) (mean e^3.5 = 33.115), times 1.1 in the treated arm: the true ratio
   * difference is 0.1·e^3.5. 2,000 experiments of 800 members per arm; a correct 95% interval covers
   * with sd 0.49 pp, so ±1.5 pp is 3 sd.
   */
  @Test
  void ratioDifferenceIntervalCoversTheTruth() {
    int experiments = 2_000;
    double truth = 0.1 * Math.exp(3.5);
    SplittableRandom random = new SplittableRandom(42L);
    int covered = 0;
    for (int r = 0; r < experiments; r++) {
      RatioComparison c = DeltaMethod.compare(arm(random, 800, 1.1), arm(random, 800, 1.0), ConfidenceLevel.NINETY_FIVE);
      covered += c.interval().contains(truth) ? 1 : 0;
    }
    double coverage = (double) covered / experiments;
    assertEquals(0.95, coverage, 0.015, "coverage " + coverage);
  }

  private static RatioArm arm(SplittableRandom random, int members, double valueMultiplier) {
    double sn = 0, sd = 0, sn2 = 0, sd2 = 0, snd = 0;
    for (int m = 0; m < members; m++) {
      int orders = CupedTest.poisson(random, 1.5);
      double revenue = 0;
      for (int o = 0; o < orders; o++) {
        revenue += valueMultiplier * Math.exp(3 + CupedTest.gaussian(random));
      }
      sn += revenue;
      sd += orders;
      sn2 += revenue * revenue;
      sd2 += (double) orders * orders;
      snd += revenue * orders;
    }
    return new RatioArm(members, sn, sd, sn2, sd2, snd);
  }
}
