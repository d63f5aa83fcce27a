package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TwoProportionDesignTest {

  /*
   * α 0.05, power 0.80, baseline 10%, detect +2 points (10% → 12%):
   *   z(0.975) = 1.959963985, z(0.80) = 0.841621234, p̄ = 0.11
   *   √(2·0.11·0.89) = √0.1958 = 0.4424929378;  √(0.10·0.90 + 0.12·0.88) = √0.1956 = 0.4422668877
   *   n = (1.959963985·0.4424929378 + 0.841621234·0.4422668877)² / 0.02²
   *     = (0.8672702 + 0.3722213)² / 0.0004 = 1.5363390 / 0.0004 = 3840.85 → 3841 per arm
   */
  @Test
  void sampleSizeMatchesHandComputation() {
    assertEquals(3841, TwoProportionDesign.sampleSizePerArm(0.05, 0.80, 0.10, 0.02));
    // A fall of the same size (10% → 8%) needs fewer units, the rates being less variable near 0:
    // p̄ 0.09, (1.959963985·√0.1638 + 0.841621234·√(0.09 + 0.0736))² / 0.0004
    //   = (0.7932408 + 0.3404147)² / 0.0004 = 1.2851748 / 0.0004 = 3212.94 → 3213.
    assertEquals(3213, TwoProportionDesign.sampleSizePerArm(0.05, 0.80, 0.10, -0.02));
  }

  /*
   * Power inverts the size: 3841 per arm gives 0.8000156; 2000 per arm gives
   * Φ((0.02·√2000 − 0.8672702) / 0.4422669) = Φ(0.0614) = 0.5244813.
   */
  @Test
  void powerMatchesHandComputation() {
    assertEquals(0.8000155778, TwoProportionDesign.power(3841, 0.05, 0.10, 0.02), 1e-8);
    assertEquals(0.5244812788, TwoProportionDesign.power(2000, 0.05, 0.10, 0.02), 1e-8);
  }

  @Test
  void rejectsDesignsThatCannotExist() {
    assertThrows(IllegalArgumentException.class, () -> TwoProportionDesign.sampleSizePerArm(0.05, 0.8, 0.10, 0));
    assertThrows(IllegalArgumentException.class, () -> TwoProportionDesign.sampleSizePerArm(0.05, 0.8, 0.95, 0.10));
    assertThrows(IllegalArgumentException.class, () -> TwoProportionDesign.power(0, 0.05, 0.10, 0.02));
  }
}
