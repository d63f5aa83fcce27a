package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanDifferenceTestTest {

  private static final ConfidenceLevel NINETY_FIVE = ConfidenceLevel.NINETY_FIVE;

  /*
   * Hand computation. Treated units {0, 2, 3, 7}: n 4, Σx 12, Σx² 62. Control {0, 1, 1, 2, 6}: n 5,
   * Σx 10, Σx² 42.
   *   means 3 and 2, difference 1
   *   s_t² = (62 − 4·3²)/3 = 26/3 = 8.6667;  s_c² = (42 − 5·2²)/4 = 5.5
   *   SE   = sqrt(8.6667/4 + 5.5/5) = sqrt(3.2666667) = 1.8073922282
   *   CI   = 1 ± 1.959963985·1.8073922282 = 1 ± 3.5424236733 = [−2.5424236733, 4.5424236733]
   *   p    = 2·Φ(−1/1.8073922282) = 2·Φ(−0.5532835) = 0.5800694105
   *   incremental total = 1·n_t = 4, CI ×4 = [−10.1696946931, 18.1696946931]
   *   relative difference = 3/2 − 1 = 0.5
   */
  @Test
  void handComputedExample() {
    MeanComparison c =
        MeanDifferenceTest.compare(new ContinuousArm(4, 12, 62), new ContinuousArm(5, 10, 42), NINETY_FIVE);
    assertEquals(3.0, c.treatedMean(), 1e-12);
    assertEquals(2.0, c.controlMean(), 1e-12);
    assertEquals(1.0, c.difference(), 1e-12);
    assertEquals(-2.5424236732686474, c.differenceInterval().low(), 1e-10);
    assertEquals(4.5424236732686470, c.differenceInterval().high(), 1e-10);
    assertEquals(0.5800694105200285, c.pValue(), 1e-10);
    assertEquals(0.5, c.relativeDifference(), 1e-12);
    assertEquals(4.0, c.incrementalTotal(), 1e-12);
    assertEquals(-10.16969469307459, c.incrementalTotalInterval().low(), 1e-9);
    assertEquals(18.16969469307459, c.incrementalTotalInterval().high(), 1e-9);
    assertTrue(c.notes().isEmpty());
  }

  @Test
  void sampleVarianceIsUnbiased() {
    assertEquals(26.0 / 3, new ContinuousArm(4, 12, 62).sampleVariance(), 1e-12);
    assertTrue(Double.isNaN(new ContinuousArm(1, 5, 25).sampleVariance()));
  }

  @Test
  void singleUnitArmKeepsThePointEstimateButNoInterval() {
    MeanComparison c =
        MeanDifferenceTest.compare(new ContinuousArm(1, 5, 25), new ContinuousArm(5, 10, 42), NINETY_FIVE);
    assertEquals(3.0, c.difference(), 1e-12);
    assertEquals(3.0, c.incrementalTotal(), 1e-12);
    assertFalse(c.differenceInterval().isDefined());
    assertTrue(Double.isNaN(c.pValue()));
    assertEquals(1, c.notes().size());
  }

  @Test
  void emptyArmAndZeroControlMean() {
    MeanComparison empty =
        MeanDifferenceTest.compare(new ContinuousArm(0, 0, 0), new ContinuousArm(5, 10, 42), NINETY_FIVE);
    assertTrue(Double.isNaN(empty.difference()));
    assertTrue(Double.isNaN(empty.incrementalTotal()));
    assertTrue(empty.notes().contains("treated arm has no units"));

    // Nobody in either arm bought anything: a known zero difference, p = 1, ratio undefined.
    MeanComparison zeros =
        MeanDifferenceTest.compare(new ContinuousArm(50, 0, 0), new ContinuousArm(40, 0, 0), NINETY_FIVE);
    assertEquals(0.0, zeros.difference(), 0.0);
    assertEquals(new Interval(0, 0), zeros.differenceInterval());
    assertEquals(1.0, zeros.pValue(), 0.0);
    assertTrue(Double.isNaN(zeros.relativeDifference()));
  }

  /* Negative effect: the scaled interval must stay ordered low ≤ high. */
  @Test
  void negativeDifferenceScalesInOrder() {
    MeanComparison c =
        MeanDifferenceTest.compare(new ContinuousArm(5, 10, 42), new ContinuousArm(4, 12, 62), NINETY_FIVE);
    assertEquals(-1.0, c.difference(), 1e-12);
    assertEquals(-5.0, c.incrementalTotal(), 1e-12);
    assertTrue(c.incrementalTotalInterval().low() < c.incrementalTotalInterval().high());
  }
}
