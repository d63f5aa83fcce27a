package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IncrementalRoasTest {

  private static final ConfidenceLevel NINETY_FIVE = ConfidenceLevel.NINETY_FIVE;

  /*
   * Incremental revenue 4 with CI [−10.1696946931, 18.1696946931] (the MeanDifferenceTest example),
   * spend 2: iROAS = 4/2 = 2, CI = [−5.0848473465, 9.0848473465].
   */
  @Test
  void dividesRevenueAndItsIntervalBySpend() {
    MeanComparison revenue =
        MeanDifferenceTest.compare(new ContinuousArm(4, 12, 62), new ContinuousArm(5, 10, 42), NINETY_FIVE);
    RoasEstimate roas = IncrementalRoas.estimate(revenue, 2.0).orElseThrow();
    assertEquals(2.0, roas.value(), 1e-12);
    assertEquals(-5.084847346537295, roas.interval().low(), 1e-9);
    assertEquals(9.084847346537295, roas.interval().high(), 1e-9);
  }

  @Test
  void noSpendMeansNoRoas() {
    MeanComparison revenue =
        MeanDifferenceTest.compare(new ContinuousArm(4, 12, 62), new ContinuousArm(5, 10, 42), NINETY_FIVE);
    assertTrue(IncrementalRoas.estimate(revenue, 0.0).isEmpty());
    assertTrue(IncrementalRoas.estimate(revenue, Double.NaN).isEmpty());
  }
}
