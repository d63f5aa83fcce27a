package io.triangulate.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

  @Test
  void tiesShareTheirAverageRank() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {0, 5, 5, 9}), 0);
  }

  @Test
  void spearmanByHand() {
    // ranks x: 1 2 3 4 5, y: 2 1 4 3 5; sum d² = 4, rho = 1 - 6*4/(5*24) = 0.8
    assertEquals(0.8, RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {20, 10, 40, 30, 50}), 1e-12);
    assertEquals(-1.0, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {9, 4, 1}), 1e-12);
  }
}
