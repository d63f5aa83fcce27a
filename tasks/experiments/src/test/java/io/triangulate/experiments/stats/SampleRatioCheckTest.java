package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleRatioCheckTest {

  /*
   * A 50/50 design that ends 10,300 vs 9,700: expected 10,000 each,
   *   χ² = 300²/10,000 + 300²/10,000 = 18 with 1 df,
   *   p = P(χ²₁ ≥ 18) = P(|Z| ≥ √18) = erfc(√(18/2)) = erfc(3) = 2.2090497e-5 → a mismatch at 0.001.
   */
  @Test
  void handComputedMismatch() {
    SampleRatioResult r = SampleRatioCheck.twoArms(10_300, 9_700, 0.5);
    assertEquals(18.0, r.chiSquare(), 1e-9);
    assertEquals(1, r.degreesOfFreedom());
    assertEquals(2.2090496998585438e-05, r.pValue(), 1e-14);
    assertTrue(r.isMismatch(SampleRatioResult.DEFAULT_ALPHA));
  }

  /*
   * A 10% holdout: 9,000 treated and 1,000 control out of 10,000 is exactly the plan, χ² = 0, p = 1.
   * 8,950 / 1,050: expected 9,000 / 1,000, χ² = 50²/9,000 + 50²/1,000 = 0.2777778 + 2.5 = 2.7777778,
   * p = erfc(√(2.7777778/2)) = 0.0955807.
   */
  @Test
  void unequalHoldout() {
    assertEquals(1.0, SampleRatioCheck.twoArms(9_000, 1_000, 0.1).pValue(), 1e-12);
    SampleRatioResult r = SampleRatioCheck.twoArms(8_950, 1_050, 0.1);
    assertEquals(2.7777777777777777, r.chiSquare(), 1e-9);
    assertEquals(0.0955807, r.pValue(), 1e-6);
    assertFalse(r.isMismatch(SampleRatioResult.DEFAULT_ALPHA));
  }

  /*
   * Three equal arms 100/100/130: expected 110 each, χ² = (100 + 100 + 400)/110 = 5.4545455; with 2 df
   * the upper tail is e^(−χ²/2) = 0.0653934.
   */
  @Test
  void threeArms() {
    SampleRatioResult r = SampleRatioCheck.test(new long[] {100, 100, 130}, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
    assertEquals(2, r.degreesOfFreedom());
    assertEquals(600.0 / 110, r.chiSquare(), 1e-9);
    assertEquals(Math.exp(-300.0 / 110), r.pValue(), 1e-12);
  }

  @Test
  void noUnitsAndBadDesigns() {
    assertTrue(Double.isNaN(SampleRatioCheck.twoArms(0, 0, 0.5).pValue()));
    assertThrows(IllegalArgumentException.class, () -> SampleRatioCheck.twoArms(10, 10, 1.0));
    assertThrows(
        IllegalArgumentException.class, () -> SampleRatioCheck.test(new long[] {1, 2}, new double[] {0.5, 0.6}));
  }
}
