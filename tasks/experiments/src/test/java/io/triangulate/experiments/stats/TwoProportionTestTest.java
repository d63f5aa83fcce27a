package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

  private static final double EXACT = 1e-12;
  private static final ConfidenceLevel NINETY_FIVE = ConfidenceLevel.NINETY_FIVE;

  /*
   * Hand computation: treated 120 of 1000 convert, control 100 of 1000; z(0.975) = 1.959963985.
   *   p_t = 0.12, p_c = 0.10, lift = 0.02
   *   Wald SE  = sqrt(0.12·0.88/1000 + 0.10·0.90/1000) = sqrt(0.0001956) = 0.0139857070
   *   CI       = 0.02 ± 1.959963985·0.0139857070 = 0.02 ± 0.0274114820 = [-0.0074114820, 0.0474114820]
   *   pooled p̄ = 220/2000 = 0.11; SE₀ = sqrt(0.11·0.89·(1/1000 + 1/1000)) = sqrt(0.0001958) = 0.0139928553
   *   z        = 0.02 / 0.0139928553 = 1.4293008498; p = 2·Φ(-1.4293008498) = 0.1529177819
   *   rel      = 0.12/0.10 - 1 = 0.2
   *   Katz SE  = sqrt(1/120 - 1/1000 + 1/100 - 1/1000) = sqrt(0.0163333…) = 0.1278019301
   *   log CI   = ln 1.2 ± 1.959963985·0.1278019301 = 0.1823215568 ± 0.2504871775
   *   rel CI   = [e^-0.0681656207 - 1, e^0.4328087343 - 1] = [-0.0658942489, 0.5415813449]
   */
  @Test
  void handComputedExample() {
    ProportionComparison c = TwoProportionTest.compare(new BinaryArm(1000, 120), new BinaryArm(1000, 100), NINETY_FIVE);

    assertEquals(0.12, c.treatedRate(), EXACT);
    assertEquals(0.10, c.controlRate(), EXACT);
    assertEquals(0.02, c.absoluteLift(), EXACT);
    assertEquals(-0.0074114819980199, c.absoluteLiftInterval().low(), 1e-12);
    assertEquals(0.0474114819980199, c.absoluteLiftInterval().high(), 1e-12);
    assertEquals(0.1529177818639462, c.pValue(), 1e-10);
    assertEquals(0.2, c.relativeLift(), EXACT);
    assertEquals(-0.0658942489370061, c.relativeLiftInterval().low(), 1e-10);
    assertEquals(0.5415813448973079, c.relativeLiftInterval().high(), 1e-10);
    assertTrue(c.notes().isEmpty());
  }

  /*
   * At 90%, z(0.95) = 1.644853627: CI = 0.02 ± 1.644853627·0.0139857070 = 0.02 ± 0.0230044409
   * = [-0.0030044409, 0.0430044409]. The p-value does not depend on the level.
   */
  @Test
  void confidenceLevelChangesOnlyTheIntervals() {
    ProportionComparison c =
        TwoProportionTest.compare(new BinaryArm(1000, 120), new BinaryArm(1000, 100), new ConfidenceLevel(0.90));
    assertEquals(-0.0030044409, c.absoluteLiftInterval().low(), 1e-9);
    assertEquals(0.0430044409, c.absoluteLiftInterval().high(), 1e-9);
    assertEquals(0.1529177818639462, c.pValue(), 1e-10);
  }

  @Test
  void emptyArmGivesUndefinedValuesWithAReason() {
    ProportionComparison c = TwoProportionTest.compare(new BinaryArm(500, 20), new BinaryArm(0, 0), NINETY_FIVE);
    assertEquals(0.04, c.treatedRate(), EXACT);
    assertTrue(Double.isNaN(c.controlRate()));
    assertTrue(Double.isNaN(c.absoluteLift()));
    assertFalse(c.absoluteLiftInterval().isDefined());
    assertTrue(Double.isNaN(c.pValue()));
    assertTrue(c.notes().contains("control arm has no units"), c.notes().toString());
  }

  /* Nobody converts anywhere: lift 0 with a zero-width interval, p = 1, relative lift undefined (0/0). */
  @Test
  void noConversionsAnywhere() {
    ProportionComparison c = TwoProportionTest.compare(new BinaryArm(300, 0), new BinaryArm(200, 0), NINETY_FIVE);
    assertEquals(0.0, c.absoluteLift(), EXACT);
    assertEquals(new Interval(0, 0), c.absoluteLiftInterval());
    assertEquals(1.0, c.pValue(), EXACT);
    assertTrue(Double.isNaN(c.relativeLift()));
    assertFalse(c.relativeLiftInterval().isDefined());
    assertEquals(3, c.notes().size(), c.notes().toString());
  }

  /*
   * Control never converts, treated 5 of 100: lift 0.05, Wald SE = sqrt(0.05·0.95/100) = 0.0217944947,
   * CI 0.05 ± 0.0427164; relative lift is undefined (division by p_c = 0) but the test is not:
   * p̄ = 5/200, SE₀ = sqrt(0.025·0.975·0.02) = 0.0220794022, z = 2.2645541, p = 0.0235402.
   */
  @Test
  void noControlConversionsLeavesAbsoluteLiftDefined() {
    ProportionComparison c = TwoProportionTest.compare(new BinaryArm(100, 5), new BinaryArm(100, 0), NINETY_FIVE);
    assertEquals(0.05, c.absoluteLift(), EXACT);
    assertEquals(0.05 - 1.959963985 * 0.0217944947, c.absoluteLiftInterval().low(), 1e-9);
    assertEquals(0.0235402, c.pValue(), 1e-6);
    assertTrue(Double.isNaN(c.relativeLift()));
    assertTrue(c.notes().contains("control arm has no conversions: relative lift undefined"));
  }

  /* Treated never converts: relative lift is exactly −100%, but log(0) leaves Katz undefined. */
  @Test
  void noTreatedConversionsLeavesKatzUndefined() {
    ProportionComparison c = TwoProportionTest.compare(new BinaryArm(100, 0), new BinaryArm(100, 4), NINETY_FIVE);
    assertEquals(-1.0, c.relativeLift(), EXACT);
    assertFalse(c.relativeLiftInterval().isDefined());
    assertTrue(c.notes().contains("treated arm has no conversions: relative-lift interval undefined"));
  }

  @Test
  void impossibleCountsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new BinaryArm(10, 11));
    assertThrows(IllegalArgumentException.class, () -> new BinaryArm(-1, 0));
  }
}
