package io.triangulate.attribution.rules;

import static io.triangulate.attribution.CreditAssertions.assertCredit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.ConversionPath;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * Every rule on one hand-built path set (4 conversions, value 180):
 * <pre>
 *   A > B > C   2 conv, value 100, 1 null, touch ages 14, 7, 0 days
 *   B           1 conv, value  30,          age 1
 *   C > A       1 conv, value  50, 2 nulls, ages 7, 0
 *   A > B       0 conv,             5 nulls (no credit under any rule)
 * </pre>
 */
class RuleBasedAttributionTest {

  private static final double EXACT = 1e-12;

  private final PathSet paths = TestPaths.paths()
      .path("A > B > C", 2, 100, 1, 14, 7, 0)
      .path("B", 1, 30, 0, 1)
      .path("C > A", 1, 50, 2, 7, 0)
      .path("A > B", 0, 0, 5, 2, 1)
      .build();

  @Test
  void lastTouchCreditsTheClosingChannel() {
    ModelCredits credits = RuleBasedAttribution.attribute("last_touch", paths, new LastTouch());
    assertCredit(credits, "A", 1, 50, EXACT); // from C > A
    assertCredit(credits, "B", 1, 30, EXACT); // from B
    assertCredit(credits, "C", 2, 100, EXACT); // from A > B > C
    assertEquals(0.5, credits.channel("C").share(), EXACT); // 2 of 4
  }

  @Test
  void firstTouchCreditsTheOpeningChannel() {
    ModelCredits credits = RuleBasedAttribution.attribute("first_touch", paths, new FirstTouch());
    assertCredit(credits, "A", 2, 100, EXACT);
    assertCredit(credits, "B", 1, 30, EXACT);
    assertCredit(credits, "C", 1, 50, EXACT);
  }

  @Test
  void linearSplitsEquallyOverTouches() {
    ModelCredits credits = RuleBasedAttribution.attribute("linear", paths, new Linear());
    // A: 2/3 (A>B>C) + 1/2 (C>A) = 7/6; value 100/3 + 50/2 = 175/3
    assertCredit(credits, "A", 7.0 / 6, 175.0 / 3, EXACT);
    // B: 2/3 + 1 = 5/3; value 100/3 + 30 = 190/3
    assertCredit(credits, "B", 5.0 / 3, 190.0 / 3, EXACT);
    // C: 2/3 + 1/2 = 7/6; value 100/3 + 25 = 175/3
    assertCredit(credits, "C", 7.0 / 6, 175.0 / 3, EXACT);
    assertEquals(4.0, credits.totalConversions(), EXACT);
  }

  @Test
  void linearCreditsEachRepeatedTouch() {
    PathSet repeated = TestPaths.paths().path("A > A > B", 3, 30, 0).build();
    ModelCredits credits = RuleBasedAttribution.attribute("linear", repeated, new Linear());
    assertCredit(credits, "A", 2, 20, EXACT); // two of three touches
    assertCredit(credits, "B", 1, 10, EXACT);
  }

  @Test
  void positionBasedGivesFortyTwentyForty() {
    ModelCredits credits = RuleBasedAttribution.attribute("position_based", paths, new PositionBased(PositionWeights.DEFAULT));
    // A > B > C (×2, value 100): A 0.4, B 0.2, C 0.4.  B: 1 touch → 100%.  C > A: 2 touches → 50/50.
    // A: 2×0.4 + 0.5 = 1.3; value 40 + 25 = 65
    assertCredit(credits, "A", 1.3, 65, EXACT);
    // B: 2×0.2 + 1 = 1.4; value 20 + 30 = 50
    assertCredit(credits, "B", 1.4, 50, EXACT);
    // C: 2×0.4 + 0.5 = 1.3; value 40 + 25 = 65
    assertCredit(credits, "C", 1.3, 65, EXACT);
  }

  @Test
  void positionBasedEdgeCases() {
    double[] w = new double[4];
    PositionBased fortyTwentyForty = new PositionBased(PositionWeights.DEFAULT);

    fortyTwentyForty.weigh(path(1), w);
    assertEquals(1.0, w[0], EXACT); // one touch takes everything

    fortyTwentyForty.weigh(path(2), w);
    assertEquals(0.5, w[0], EXACT); // two touches: 0.4/(0.4+0.4)
    assertEquals(0.5, w[1], EXACT);

    fortyTwentyForty.weigh(path(4), w);
    assertEquals(0.4, w[0], EXACT);
    assertEquals(0.1, w[1], EXACT); // middle 0.2 shared by two touches
    assertEquals(0.1, w[2], EXACT);
    assertEquals(0.4, w[3], EXACT);

    PositionBased skewed = new PositionBased(PositionWeights.parse("0.6, 0.2, 0.2"));
    skewed.weigh(path(2), w);
    assertEquals(0.75, w[0], EXACT); // 0.6 / (0.6 + 0.2)
    assertEquals(0.25, w[1], EXACT);
  }

  @Test
  void positionWeightsMustSumToOne() {
    IllegalArgumentException error = assertThrows(
        IllegalArgumentException.class, () -> PositionWeights.parse("0.5,0.2,0.4"));
    assertTrue(error.getMessage().contains("sum to 1"), error.getMessage());
  }

  @Test
  void timeDecayHalvesCreditEveryHalfLife() {
    ModelCredits credits = RuleBasedAttribution.attribute("time_decay", paths, new TimeDecay(7, 30));
    // A > B > C, ages 14/7/0 → 2^-2, 2^-1, 2^0 = 1/4, 1/2, 1 → /(7/4) → 1/7, 2/7, 4/7 (×2 conv, ×100 value)
    // C > A, ages 7/0 → 1/2, 1 → 1/3, 2/3.   B alone → 1.
    // A: 2/7 + 2/3 = 20/21; value 100/7 + 100/3 = 1000/21
    assertCredit(credits, "A", 20.0 / 21, 1000.0 / 21, EXACT);
    // B: 4/7 + 1 = 11/7; value 200/7 + 30 = 410/7
    assertCredit(credits, "B", 11.0 / 7, 410.0 / 7, EXACT);
    // C: 8/7 + 1/3 = 31/21; value 400/7 + 50/3 = 1550/21
    assertCredit(credits, "C", 31.0 / 21, 1550.0 / 21, EXACT);
    assertEquals(4.0, credits.totalConversions(), EXACT);
  }

  @Test
  void timeDecayWeightsAreTwoToTheMinusAgeOverHalfLife() {
    double[] w = new double[2];
    new TimeDecay(7, 30).weigh(agedPath(3.5, 0), w);
    // 2^(-3.5/7) = 1/√2 and 1 → normalised 1/(1+√2) = √2 − 1 and √2/(1+√2) = 2 − √2
    assertEquals(Math.sqrt(2) - 1, w[0], EXACT);
    assertEquals(2 - Math.sqrt(2), w[1], EXACT);
  }

  @Test
  void timeDecayIgnoresTouchesOutsideTheLookback() {
    ModelCredits credits = RuleBasedAttribution.attribute("time_decay", paths, new TimeDecay(7, 10));
    // A > B > C: A (14 days) is outside 10 → B 1/2, C 1 → 1/3, 2/3 of 2 conv / 100 value
    // A: only C > A → 2/3; value 100/3
    assertCredit(credits, "A", 2.0 / 3, 100.0 / 3, EXACT);
    // B: 2/3 + 1 = 5/3; value 100/3 + 30 = 190/3
    assertCredit(credits, "B", 5.0 / 3, 190.0 / 3, EXACT);
    // C: 4/3 + 1/3 = 5/3; value 200/3 + 50/3 = 250/3
    assertCredit(credits, "C", 5.0 / 3, 250.0 / 3, EXACT);
  }

  @Test
  void timeDecayLeavesAPathWithNoTouchInTheWindowUncredited() {
    PathSet old = TestPaths.paths().path("A > B", 1, 10, 0, 40, 35).path("B", 1, 10, 0, 2).build();
    ModelCredits credits = RuleBasedAttribution.attribute("time_decay", old, new TimeDecay(7, 30));
    assertCredit(credits, "A", 0, 0, EXACT);
    assertCredit(credits, "B", 1, 10, EXACT); // only the in-window path
  }

  private static ConversionPath path(int touches) {
    return new ConversionPath(new int[touches], 1, 0, 0);
  }

  private static ConversionPath agedPath(double... ages) {
    return new ConversionPath(new int[ages.length], 1, 0, 0, ages);
  }
}
