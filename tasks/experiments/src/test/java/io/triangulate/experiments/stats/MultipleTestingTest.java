package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

  /*
   * p = (0.01, 0.04, 0.03, 0.005), m = 4, by hand (R: p.adjust(p, "BH") / p.adjust(p, "holm")):
   *   sorted 0.005, 0.01, 0.03, 0.04
   *   BH   m·p/rank: 0.02, 0.02, 0.04, 0.04; running minimum from the top leaves them → input order
   *        0.02, 0.04, 0.04, 0.02
   *   Holm (m − rank + 1)·p: 0.02, 0.03, 0.06, 0.04; running maximum → 0.02, 0.03, 0.06, 0.06 →
   *        input order 0.03, 0.06, 0.06, 0.02
   * A NaN among them is left out of the family (m stays 4) and comes back as NaN.
   */
  @Test
  void adjustedPValuesMatchHandComputation() {
    double[] p = {0.01, Double.NaN, 0.04, 0.03, 0.005};
    assertArrayEquals(new double[] {0.02, Double.NaN, 0.04, 0.04, 0.02}, MultipleTesting.benjaminiHochberg(p), 1e-15);
    assertArrayEquals(new double[] {0.03, Double.NaN, 0.06, 0.06, 0.02}, MultipleTesting.holm(p), 1e-15);
  }

  /* Caps at 1: Holm 2·0.5 = 1, max(1, 0.9) = 1; BH 2·0.5/1 = 1 > 0.9·2/2 = 0.9 → both 0.9. */
  @Test
  void adjustedPValuesAreCappedAtOneAndMonotone() {
    assertArrayEquals(new double[] {1.0, 1.0}, MultipleTesting.holm(new double[] {0.5, 0.9}), 1e-15);
    assertArrayEquals(new double[] {0.9, 0.9}, MultipleTesting.benjaminiHochberg(new double[] {0.5, 0.9}), 1e-15);
  }

  /*
   * Benjamini & Hochberg (1995), section 4: fifteen p-values from a study of myocardial infarction
   * treatments. At q = 0.05 the step-up procedure rejects the four smallest; the Bonferroni-type
   * step-down (Holm) rejects three.
   */
  @Test
  void publishedBenjaminiHochbergExample() {
    double[] p = {
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590,
      1.000
    };
    assertEquals(4, count(MultipleTesting.rejected(MultipleTesting.benjaminiHochberg(p), 0.05)));
    assertEquals(3, count(MultipleTesting.rejected(MultipleTesting.holm(p), 0.05)));
    // The fourth BH value: min over j ≥ 4 of 15·p_j/j = 15·0.0095/4 = 0.035625.
    assertEquals(0.035625, MultipleTesting.benjaminiHochberg(p)[3], 1e-15);
  }

  @Test
  void nanIsNeverRejectedAndBadPValuesAreRefused() {
    boolean[] rejected = MultipleTesting.rejected(new double[] {Double.NaN, 0.01}, 0.05);
    assertEquals(false, rejected[0]);
    assertEquals(true, rejected[1]);
    assertThrows(IllegalArgumentException.class, () -> MultipleTesting.holm(new double[] {1.2}));
    assertArrayEquals(new double[0], MultipleTesting.benjaminiHochberg(new double[0]));
  }

  private static int count(boolean[] values) {
    int n = 0;
    for (boolean v : values) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
