package io.triangulate.attribution.shapley;

import static io.triangulate.attribution.CreditAssertions.assertCredit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.TestPaths;
import io.triangulate.attribution.bench.SyntheticPaths;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Path-set game on three channels. Converting paths by channel set (w):
 * <pre>
 *   A          3 conv, value 30     w{A} = 3
 *   A > B      4 conv, value 80     w{A,B} = 4
 *   B > C > B  2 conv, value 20     w{B,C} = 2
 *   C          1 conv, value  5     w{C} = 1
 *   B          0 conv, 10 nulls     (no worth)
 * </pre>
 * v(A)=3, v(B)=0, v(C)=1, v(AB)=7, v(AC)=4, v(BC)=3, v(ABC)=10. Weights 1/3 (|S|=0), 1/6 (|S|=1), 1/3 (|S|=2):
 * φ_A = 3/3 + (7−0)/6 + (4−1)/6 + (10−3)/3 = 1 + 7/6 + 1/2 + 7/3 = 5
 * φ_B = 0/3 + (7−3)/6 + (3−1)/6 + (10−4)/3 = 2/3 + 1/3 + 2 = 3
 * φ_C = 1/3 + (4−3)/6 + (3−0)/6 + (10−7)/3 = 1/3 + 1/6 + 1/2 + 1 = 2
 * Simplified: A = 3 + 4/2 = 5, B = 4/2 + 2/2 = 3, C = 2/2 + 1 = 2. Value: A 30+40, B 40+10, C 10+5.
 */
class ShapleyAttributionTest {

  private static final double EXACT = 1e-12;

  private final PathSet paths = TestPaths.paths()
      .path("A", 3, 30, 0)
      .path("A > B", 4, 80, 0)
      .path("B > C > B", 2, 20, 0)
      .path("C", 1, 5, 0)
      .path("B", 0, 0, 10)
      .build();

  @Test
  void exactShapleyByHand() {
    ModelCredits credits = ShapleyAttribution.exact(paths);
    assertCredit(credits, "A", 5, 70, EXACT);
    assertCredit(credits, "B", 3, 50, EXACT);
    assertCredit(credits, "C", 2, 15, EXACT);
    assertEquals(0.5, credits.channel("A").share(), EXACT);
  }

  @Test
  void simplifiedShapleyByHand() {
    ModelCredits credits = ShapleyAttribution.simplified(paths);
    assertCredit(credits, "A", 5, 70, EXACT);
    assertCredit(credits, "B", 3, 50, EXACT);
    assertCredit(credits, "C", 2, 15, EXACT);
  }

  @Test
  void exactEngineOnANonAdditiveGame() {
    // Glove game: player 0 holds a left glove, players 1 and 2 right gloves; a pair is worth 1.
    // φ_0 = 2/3, φ_1 = φ_2 = 1/6 (player 0 is pivotal in 4 of the 6 orderings).
    double[] worth = new double[8];
    worth[0b011] = 1;
    worth[0b101] = 1;
    worth[0b111] = 1;
    double[] values = ShapleyValues.exact(worth, 3);
    assertEquals(2.0 / 3, values[0], EXACT);
    assertEquals(1.0 / 6, values[1], EXACT);
    assertEquals(1.0 / 6, values[2], EXACT);
  }

  @Test
  void efficiencyOnARandomTwelvePlayerGame() {
    SplittableRandom random = new SplittableRandom(5);
    double[] worth = new double[1 << 12];
    for (int coalition = 1; coalition < worth.length; coalition++) {
      worth[coalition] = random.nextDouble() * 10;
    }
    double sum = 0;
    for (double value : ShapleyValues.exact(worth, 12)) {
      sum += value;
    }
    assertEquals(worth[worth.length - 1], sum, 1e-10); // Σ φ = v(N) − v(∅)
  }

  @Test
  void exactEqualsSimplifiedAndAddsUpToAllConversions() {
    PathSet synthetic = SyntheticPaths.generate(5000, 12, 9L);
    ModelCredits exact = ShapleyAttribution.exact(synthetic);
    ModelCredits simplified = ShapleyAttribution.simplified(synthetic);
    assertEquals(synthetic.totalConversions(), exact.totalConversions(), 1e-8); // efficiency: Σ φ = v(all)
    assertEquals(synthetic.totalValue(), exact.totalValue(), 1e-7);
    for (int c = 0; c < synthetic.channelCount(); c++) {
      assertEquals(simplified.channels().get(c).conversions(), exact.channels().get(c).conversions(), 1e-8);
      assertEquals(simplified.channels().get(c).value(), exact.channels().get(c).value(), 1e-7);
    }
  }

  @Test
  void tooManyChannelsForExactShapleyIsAClearError() {
    TestPaths many = TestPaths.paths();
    for (int c = 0; c < 21; c++) {
      many.path("ch" + c, 1, 1, 0);
    }
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ShapleyAttribution.exact(many.build()));
    assertTrue(error.getMessage().contains("shapley_simplified"), error.getMessage());
  }

  @Test
  void orderedShapleyBreaksCreditDownByPosition() {
    List<PositionCredit> credits = OrderedShapley.attribute(paths);
    // A: position 1 from "A" (3) and "A > B" (4/2); B: position 2 of "A > B" (2), position 1 of "B > C > B" (1);
    // C: position 2 of "B > C > B" (1), position 1 of "C" (1).
    assertEquals(List.of(
        new PositionCredit("A", 1, 5, 70),
        new PositionCredit("B", 1, 1, 10),
        new PositionCredit("B", 2, 2, 40),
        new PositionCredit("C", 1, 1, 5),
        new PositionCredit("C", 2, 1, 10)), credits);
  }
}
