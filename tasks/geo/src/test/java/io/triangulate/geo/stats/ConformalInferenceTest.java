package io.triangulate.geo.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConformalInferenceTest {

  @Test
  void blockPermutationPValueByHand() {
    // u = (1, −1, 2 | 0, 3): test window of 2, observed |0 + 3| = 3. Cyclic windows of length 2
    // starting at 3, 4, 0, 1, 2: sums 3, 4, 0, 1, 2 → two of five are ≥ 3, p = 0.4.
    assertEquals(0.4, ConformalInference.blockPermutationPValue(new double[] {1, -1, 2, 0, 3}, 3), 1e-15);
    // The largest window: p = 1/T.
    assertEquals(0.2, ConformalInference.blockPermutationPValue(new double[] {0, 0, 0, 5, 5}, 3), 1e-15);
  }

  @Test
  void intervalContainsTheTrueConstantEffectOfAnExactMatch() {
    // Treated = mean of two donors plus small noise, +12 in the last 10 of 50 periods.
    SplittableRandom random = new SplittableRandom(3);
    int periods = 50;
    double[][] donors = new double[5][periods];
    double[] target = new double[periods];
    for (int t = 0; t < periods; t++) {
      for (int j = 0; j < 5; j++) {
        donors[j][t] = 200 + 20 * Math.sin(t / (2.0 + j)) + 3 * random.nextGaussian();
      }
      target[t] = 0.5 * donors[0][t] + 0.5 * donors[1][t] + random.nextGaussian() + (t >= 40 ? 12 : 0);
    }
    ConformalInference ci = new ConformalInference(target, donors, 40, GeoMethod.SC, true, Double.NaN);
    ConformalInference.EffectSet set = ci.interval(0.1, 12, 0.2);
    assertTrue(set.bounded());
    assertTrue(set.low() < 12 && 12 < set.high(), set.toString());
    // Noise sd 1 (plus donor noise 3/√2 through the weights): the set is a few units wide, not tens.
    assertTrue(set.high() - set.low() < 10, set.toString());
    assertTrue(ci.pValue(0) <= 0.1, "no effect is rejected");
  }
}
