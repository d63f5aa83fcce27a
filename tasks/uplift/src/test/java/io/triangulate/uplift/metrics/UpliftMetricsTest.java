package io.triangulate.uplift.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Six rows worked by hand (and checked against scikit-uplift 0.5.1, which gives the same curves and
 * qini_auc_score 0.15384615384615385, uplift_auc_score −0.05, uplift_at_k(k=0.5) 0.5). Rows 1 and 2
 * tie at 0.8, so the ranking is 0, 2, 1, 3, 4, 5 and the tie enters the curves as one point.
 */
class UpliftMetricsTest {

  private static final double[] U = {0.9, 0.8, 0.8, 0.5, 0.2, 0.1};
  private static final int[] T = {1, 0, 1, 0, 1, 0};
  private static final int[] Y = {1, 0, 0, 1, 1, 0};

  @Test
  void rankingBreaksTiesInReverseInputOrderLikeNumpy() {
    assertArrayEquals(new int[] {0, 2, 1, 3, 4, 5}, UpliftMetrics.ranking(U));
  }

  @Test
  void qiniCurveAndCoefficient() {
    Curve q = UpliftMetrics.qiniCurve(Y, U, T);
    assertArrayEquals(new double[] {0, 1, 3, 4, 5, 6}, q.x());
    // Q(n) = Y_T − Y_C·N_T/N_C: n=1: 1; n=3: 1 − 0; n=4: 1 − 1·2/2; n=5: 2 − 1·3/2; n=6: 2 − 1·3/3.
    assertArrayEquals(new double[] {0, 1, 1, 0, 0.5, 1}, q.y(), 1e-15);
    assertEquals(4.0, q.area(), 1e-15);
    Curve perfect = UpliftMetrics.perfectQiniCurve(Y, T);
    assertArrayEquals(new double[] {0, 2, 5, 6}, perfect.x());
    assertArrayEquals(new double[] {0, 2, 2, 1}, perfect.y(), 1e-15);
    // (4 − 3) / (9.5 − 3), the random line's area being 6·1/2.
    assertEquals(1 / 6.5, UpliftMetrics.qiniCoefficient(Y, U, T), 1e-15);
  }

  @Test
  void upliftCurveAndAuuc() {
    Curve c = UpliftMetrics.upliftCurve(Y, U, T);
    assertArrayEquals(new double[] {0, 1, 1.5, 0, 5.0 / 6, 2}, c.y(), 1e-15);
    assertEquals(67.0 / 12, c.area(), 1e-14);
    Curve perfect = UpliftMetrics.perfectUpliftCurve(Y, T);
    assertArrayEquals(new double[] {0, 2, 4, 5, 6}, perfect.x());
    assertArrayEquals(new double[] {0, 2, 4, 10.0 / 3, 2}, perfect.y(), 1e-15);
    // (67/12 − 6) / (43/3 − 6) = −0.05.
    assertEquals(-0.05, UpliftMetrics.auuc(Y, U, T), 1e-14);
  }

  @Test
  void upliftAtKUsesTheFirstFloorNkRankedRows() {
    assertEquals(0.5, UpliftMetrics.upliftAtK(Y, U, T, 0.5), 1e-15); // rows 0, 2, 1: 1/2 − 0/1
    assertTrue(Double.isNaN(UpliftMetrics.upliftAtK(Y, U, T, 0.34))); // ⌊2.04⌋ = 2 rows, both treated
  }

  @Test
  void binsFollowArraySplit() {
    List<UpliftMetrics.Bin> bins = UpliftMetrics.bins(Y, U, T, 4); // sizes 2, 2, 1, 1
    assertEquals(List.of(2, 0, 1, 0), bins.stream().map(UpliftMetrics.Bin::nTreated).toList());
    assertEquals(List.of(0, 2, 0, 1), bins.stream().map(UpliftMetrics.Bin::nControl).toList());
    assertEquals("0-25", bins.get(0).percentile());
    assertEquals(0.5, bins.get(1).rateControl(), 1e-15); // rows 1 (y 0) and 3 (y 1)
    assertEquals(0.85, bins.get(0).meanPredicted(), 1e-15);
    List<UpliftMetrics.Bin> thirds = UpliftMetrics.bins(Y, U, T, 3);
    assertEquals(1.0, thirds.get(2).uplift(), 1e-15); // rows 4 (t1 y1) and 5 (t0 y0)
    assertEquals(0.0, thirds.get(2).stdUplift(), 1e-15);
  }

  @Test
  void policyOfTheTopHalf() {
    TargetingPolicy.Result p = TargetingPolicy.evaluate(Y, U, T, 0.5, 600, 1.96);
    assertEquals(3, p.holdoutTargeted());
    assertEquals(0.5, p.upliftInTarget(), 1e-15);
    assertEquals(Math.sqrt(0.125), p.se(), 1e-15); // √(½·½/2 + 0/1)
    assertEquals(300, p.reach(), 1e-12);
    assertEquals(150, p.incremental(), 1e-12);
    assertEquals(150 - 1.96 * Math.sqrt(0.125) * 300, p.low(), 1e-9);
    assertEquals(1.0 / 3, p.randomUplift(), 1e-15); // 2/3 − 1/3
    assertEquals(100, p.randomIncremental(), 1e-9);
    assertEquals(0.5, p.gainOverRandom(), 1e-12);
  }

  @Test
  void truthScore() {
    double[] truth = {0.3, 0.1, 0.2, 0.0, -0.1, 0.1};
    TruthScore.Result r = TruthScore.of(U, truth, 0.5);
    assertEquals(3, r.reach());
    assertEquals(0.3 + 0.2 + 0.1, r.captured(), 1e-15); // rows 0, 2, 1
    assertEquals(3 * 0.1, r.random(), 1e-15); // mean true uplift 0.6/6
    assertEquals(0.3 + 0.2 + 0.1, r.oracle(), 1e-15);
    assertEquals(1.0, r.gainOverRandom(), 1e-12);
    assertEquals(1.0, TruthScore.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-15);
  }
}
