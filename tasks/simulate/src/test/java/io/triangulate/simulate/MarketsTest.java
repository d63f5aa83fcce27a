package io.triangulate.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarketsTest {

  @Test
  void zipfSharesAreTheNormalisedPowers() {
    // s = 1, 3 markets: 1, 1/2, 1/3 over 11/6 → 6/11, 3/11, 2/11 (hand-computed).
    double[] share = Markets.zipfShares(3, 1.0);
    assertEquals(6.0 / 11, share[0], 1e-15);
    assertEquals(3.0 / 11, share[1], 1e-15);
    assertEquals(2.0 / 11, share[2], 1e-15);
    // s = 0: equal sizes.
    double[] flat = Markets.zipfShares(4, 0.0);
    for (double s : flat) {
      assertEquals(0.25, s, 1e-15);
    }
  }

  @Test
  void assignmentFollowsTheSharesWithinBinomialNoise() {
    int n = 200_000;
    Markets markets = Markets.assign(n, 24, 1.0, 0.08, 7);
    int[] count = new int[24];
    for (int m : markets.marketOf) {
      count[m]++;
    }
    for (int m = 0; m < 24; m++) {
      double expected = n * markets.share[m];
      double sd = Math.sqrt(n * markets.share[m] * (1 - markets.share[m]));
      // 4 sd per market: P(any of 24 outside) < 24 × 6.3e-5 ≈ 0.2% for a correct assignment.
      assertTrue(Math.abs(count[m] - expected) < 4 * sd, "market " + m + ": " + count[m] + " vs " + expected);
    }
    // The skew is real: the largest market is 24 times the smallest in expectation (24^1).
    assertEquals(24.0, markets.share[0] / markets.share[23], 1e-12);
  }

  @Test
  void seasonalityIsOneOnTheStartDayOfEveryYearAndBoundedByTwiceTheAmplitude() {
    Markets markets = Markets.assign(10, 24, 1.0, 0.08, 7);
    for (int m = 0; m < 24; m++) {
      assertEquals(1.0, markets.seasonality(m, 0), 1e-15);
      assertEquals(1.0, markets.seasonality(m, -365 * 4 - 1), 1e-12); // 4 × 365.25 days back
      for (int t = -730; t <= 0; t += 7) {
        assertTrue(Math.abs(markets.seasonality(m, t) - 1) <= 2 * markets.seasonalityAmplitude[m] + 1e-15);
      }
      assertTrue(markets.seasonalityAmplitude[m] >= 0 && markets.seasonalityAmplitude[m] <= 0.08);
    }
  }
}
