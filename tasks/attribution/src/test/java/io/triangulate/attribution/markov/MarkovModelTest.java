package io.triangulate.attribution.markov;

import static io.triangulate.attribution.CreditAssertions.assertCredit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.TestPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkovModelTest {

  private static final double EXACT = 1e-12;

  /**
   * Textbook order-1 example, one journey per path:
   * <pre>
   *   A > B  converts     start→A 2/3, start→B 1/3
   *   A > C  null         A→B 1/2, A→C 1/2
   *   B      converts     B→conv 1, C→null 1
   * </pre>
   * P(conv) = 2/3·1/2 + 1/3 = 2/3. Without A: 1/3 → RE 1/2. Without B: 0 → RE 1. Without C: 2/3 → RE 0.
   * Credits of 2 conversions ∝ (1/2, 1, 0): A 2/3, B 4/3, C 0.
   */
  private final PathSet textbook = TestPaths.paths()
      .path("A > B", 1, 10, 0)
      .path("A > C", 0, 0, 1)
      .path("B", 1, 20, 0)
      .build();

  @Test
  void orderOneTransitionProbabilities() {
    MarkovAttribution markov = MarkovModel.attribute(textbook, 1);
    assertTransition(markov.transitions(), "(start)", "A", 2.0 / 3);
    assertTransition(markov.transitions(), "(start)", "B", 1.0 / 3);
    assertTransition(markov.transitions(), "A", "B", 0.5);
    assertTransition(markov.transitions(), "A", "C", 0.5);
    assertTransition(markov.transitions(), "B", "(conversion)", 1.0);
    assertTransition(markov.transitions(), "C", "(null)", 1.0);
    assertEquals(6, markov.transitions().size());
  }

  @Test
  void orderOneRemovalEffectsAndCredits() {
    MarkovAttribution markov = MarkovModel.attribute(textbook, 1);
    assertEquals(2.0 / 3, markov.conversionProbability(), EXACT);
    assertEquals(0.5, markov.removalEffect("A").conversions(), EXACT);
    assertEquals(1.0, markov.removalEffect("B").conversions(), EXACT);
    assertEquals(0.0, markov.removalEffect("C").conversions(), EXACT);
    // Only B converts, so value removal effects equal conversion ones: value 30 ∝ (1/2, 1, 0).
    assertCredit(markov.credits(), "A", 2.0 / 3, 10, EXACT);
    assertCredit(markov.credits(), "B", 4.0 / 3, 20, EXACT);
    assertCredit(markov.credits(), "C", 0, 0, EXACT);
  }

  /**
   * A cycle, so the visit equations matter:
   * <pre>
   *   A > B > A  converts (value 30)   start→A 2/3, start→B 1/3
   *   A          null                  A→B 1/4, A→conv 1/4, A→null 1/2
   *   B > A      null                  B→A 1
   * </pre>
   * Visits: v_A = 2/3 + v_B, v_B = 1/3 + v_A/4 → v_A = 4/3, v_B = 2/3; P(conv) = v_A/4 = 1/3.
   * Without B: v_A = 2/3 → P = 1/6 → RE_B = 1/2. Without A: RE_A = 1. Credits ∝ (1, 1/2).
   */
  @Test
  void orderOneWithACycle() {
    PathSet cyclic = TestPaths.paths()
        .path("A > B > A", 1, 30, 0)
        .path("A", 0, 0, 1)
        .path("B > A", 0, 0, 1)
        .build();
    MarkovAttribution markov = MarkovModel.attribute(cyclic, 1);
    assertEquals(1.0 / 3, markov.conversionProbability(), EXACT);
    assertEquals(10.0, markov.valuePerJourney(), EXACT); // 30 over 3 journeys
    assertEquals(1.0, markov.removalEffect("A").conversions(), EXACT);
    assertEquals(0.5, markov.removalEffect("B").conversions(), EXACT);
    assertCredit(markov.credits(), "A", 2.0 / 3, 20, EXACT);
    assertCredit(markov.credits(), "B", 1.0 / 3, 10, EXACT);
  }

  /**
   * Value credit uses the value removal effect:
   * <pre>
   *   A       1 conv, value 100          start→A 3/4, start→B 1/4
   *   B       1 conv, value 10           A→conv 1/3, A→B 2/3   (value per departure 100/3)
   *   A > B   2 nulls                    B→conv 1/3, B→null 2/3 (value per departure 10/3)
   * </pre>
   * Visits v_A = 3/4, v_B = 1/4 + 2/3·3/4 = 3/4. P = 1/4 + 1/4 = 1/2; E[value] = 25 + 2.5 = 27.5.
   * Without A: v_B = 1/4 → P = 1/12 → RE 5/6; value 5/6 → RE 1 − (5/6)/27.5 = 32/33.
   * Without B: P = 1/4 → RE 1/2; value 25 → RE 1/11.
   * Conversions (2) ∝ (5/6, 1/2): A 5/4, B 3/4. Value (110) ∝ (32/33, 3/33): A 704/7, B 66/7.
   */
  @Test
  void valueIsCreditedByValueRemovalEffect() {
    PathSet baskets = TestPaths.paths()
        .path("A", 1, 100, 0)
        .path("B", 1, 10, 0)
        .path("A > B", 0, 0, 2)
        .build();
    MarkovAttribution markov = MarkovModel.attribute(baskets, 1);
    assertEquals(0.5, markov.conversionProbability(), EXACT);
    assertEquals(27.5, markov.valuePerJourney(), EXACT);
    assertEquals(5.0 / 6, markov.removalEffect("A").conversions(), EXACT);
    assertEquals(32.0 / 33, markov.removalEffect("A").value(), EXACT);
    assertEquals(0.5, markov.removalEffect("B").conversions(), EXACT);
    assertEquals(1.0 / 11, markov.removalEffect("B").value(), EXACT);
    assertCredit(markov.credits(), "A", 5.0 / 4, 704.0 / 7, 1e-11);
    assertCredit(markov.credits(), "B", 3.0 / 4, 66.0 / 7, 1e-11);
  }

  /**
   * Order 2: states are the last two channels (the first touch gives a one-channel state).
   * <pre>
   *   A > B > C  converts   start→(A) 2/3, start→(C) 1/3, (A)→(A,B) 1, (C)→(C,B) 1
   *   A > B      null       (A,B)→(B,C) 1/2, (A,B)→null 1/2, (C,B)→(B,C) 1
   *   C > B > C  null       (B,C)→conv 1/2, (B,C)→null 1/2
   * </pre>
   * v_(B,C) = 2/3·1/2 + 1/3 = 2/3 → P = 1/3. Without A: v_(B,C) = 1/3 → P = 1/6 → RE 1/2.
   * Without B or C every path to conversion is cut → RE 1. Credits of 1 conversion ∝ (1/2, 1, 1).
   */
  @Test
  void orderTwoByHand() {
    PathSet paths = TestPaths.paths()
        .path("A > B > C", 1, 5, 0)
        .path("A > B", 0, 0, 1)
        .path("C > B > C", 0, 0, 1)
        .build();
    MarkovAttribution markov = MarkovModel.attribute(paths, 2);
    assertTransition(markov.transitions(), "(start)", "A", 2.0 / 3);
    assertTransition(markov.transitions(), "A", "A > B", 1.0);
    assertTransition(markov.transitions(), "A > B", "B > C", 0.5);
    assertTransition(markov.transitions(), "A > B", "(null)", 0.5);
    assertTransition(markov.transitions(), "C > B", "B > C", 1.0);
    assertTransition(markov.transitions(), "B > C", "(conversion)", 0.5);
    assertEquals(1.0 / 3, markov.conversionProbability(), EXACT);
    assertEquals(0.5, markov.removalEffect("A").conversions(), EXACT);
    assertEquals(1.0, markov.removalEffect("B").conversions(), EXACT);
    assertEquals(1.0, markov.removalEffect("C").conversions(), EXACT);
    assertCredit(markov.credits(), "A", 0.2, 1, EXACT);
    assertCredit(markov.credits(), "B", 0.4, 2, EXACT);
    assertCredit(markov.credits(), "C", 0.4, 2, EXACT);
  }

  @Test
  void higherOrderStatesKeepTheLastKChannels() {
    PathSet paths = TestPaths.paths().path("A > B > C > D > E", 1, 1, 0).build();
    List<Transition> transitions = MarkovModel.attribute(paths, 4).transitions();
    assertTransition(transitions, "(start)", "A", 1);
    assertTransition(transitions, "A > B > C", "A > B > C > D", 1);
    assertTransition(transitions, "A > B > C > D", "B > C > D > E", 1);
    assertTransition(transitions, "B > C > D > E", "(conversion)", 1);
  }

  @Test
  void fittedChainConvertsAtTheObservedRate() {
    // Flow conservation: visits of the counted chain equal observed visits per journey, so
    // P(conversion) = conversions / journeys whatever the order.
    PathSet paths = TestPaths.paths()
        .path("A > B > A > C", 3, 30, 7)
        .path("B > B", 2, 10, 8)
        .path("C > A > B", 1, 5, 4)
        .path("A", 0, 0, 5)
        .build();
    for (int order = 1; order <= 4; order++) {
      MarkovAttribution markov = MarkovModel.attribute(paths, order);
      assertEquals(6.0 / 30, markov.conversionProbability(), EXACT, "order " + order);
      assertEquals(6.0, markov.credits().totalConversions(), 1e-12, "order " + order);
      assertEquals(45.0, markov.credits().totalValue(), 1e-12, "order " + order);
    }
  }

  static void assertTransition(List<Transition> transitions, String from, String to, double probability) {
    Transition found = transitions.stream()
        .filter(t -> t.from().equals(from) && t.to().equals(to))
        .findFirst()
        .orElse(null);
    assertTrue(found != null, "no transition " + from + " → " + to + " in " + transitions);
    assertEquals(probability, found.probability(), EXACT, from + " → " + to);
  }
}
