package io.triangulate.attribution.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.ModelCredits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentComparisonTest {

  // last_touch credits C1 with 30 conversions (value 300), C2 with 10 (100); linear 12 and 6.
  private static final List<ModelCredits> CREDITS = List.of(
      ModelCredits.of("last_touch", List.of("C1", "C2", "linear_tv"), new double[] {30, 10, 0}, new double[] {300, 100, 0}),
      ModelCredits.of("linear", List.of("C1", "C2", "linear_tv"), new double[] {12, 6, 22}, new double[] {120, 60, 220}));

  // C1: 10 incremental orders [4, 16], revenue 150 [30, 270]; C2: 5 [-3, 13], revenue 40 [-20, 100].
  // C3 (same channel as C1) was never touched by a journey: zero credit under every model.
  private static final List<ExperimentResult> EXPERIMENTS = List.of(
      new ExperimentResult("C1", "onsite_search", 10, 4, 16, 150, 30, 270),
      new ExperimentResult("C2", "email", 5, -3, 13, 40, -20, 100),
      new ExperimentResult("C3", "onsite_search", 2, 0, 4, 10, 0, 20));

  @Test
  void campaignRowsHaveRatiosCalibrationAndTheClosestModel() {
    ExperimentComparison.Result result = ExperimentComparison.compare(CREDITS, EXPERIMENTS);
    ComparisonRow lastC1 = row(result, "campaign", "C1", "last_touch");
    assertEquals(3.0, lastC1.attributionRatio(), 1e-12);       // 30 / 10
    assertEquals(1.0 / 3, lastC1.calibrationFactor(), 1e-12);  // 10 / 30
    assertEquals(0.5, lastC1.valueCalibrationFactor(), 1e-12); // 150 / 300
    assertEquals(20.0, lastC1.absError(), 1e-12);
    assertFalse(lastC1.withinInterval());
    assertFalse(lastC1.closest());
    ComparisonRow linearC1 = row(result, "campaign", "C1", "linear");
    assertEquals(2.0, linearC1.absError(), 1e-12);
    assertTrue(linearC1.withinInterval());
    assertTrue(linearC1.closest());
    // C3: no credit anywhere, so the ratio is 0 and the calibration factor undefined; both models tie.
    ComparisonRow lastC3 = row(result, "campaign", "C3", "last_touch");
    assertEquals(0.0, lastC3.attributionRatio(), 0);
    assertTrue(Double.isNaN(lastC3.calibrationFactor()));
    assertTrue(lastC3.closest());
    assertTrue(row(result, "campaign", "C3", "linear").closest());
  }

  @Test
  void channelRowsSumCampaignsAndCombineIntervalsInQuadrature() {
    ExperimentComparison.Result result = ExperimentComparison.compare(CREDITS, EXPERIMENTS);
    ComparisonRow search = row(result, "channel", "onsite_search", "last_touch");
    assertEquals(30.0, search.creditedConversions(), 0);
    assertEquals(12.0, search.experiment().incrementalOrders(), 1e-12);
    assertEquals(12 - Math.sqrt(36 + 4), search.experiment().ordersLow(), 1e-12);
    assertEquals(12 + Math.sqrt(36 + 4), search.experiment().ordersHigh(), 1e-12);
    assertEquals(160 - Math.sqrt(120 * 120 + 100), search.experiment().revenueLow(), 1e-9);
    assertEquals(2.5, search.attributionRatio(), 1e-12);
  }

  @Test
  void scoresRankModelsByMeanAbsoluteError() {
    ExperimentComparison.Result result = ExperimentComparison.compare(CREDITS, EXPERIMENTS);
    // last_touch errors 20, 5, 2 -> 9; linear 2, 1, 2 -> 5/3.
    ModelScore last = result.scores().get(0);
    ModelScore linear = result.scores().get(1);
    assertEquals("last_touch", last.model());
    assertEquals(9.0, last.meanAbsError(), 1e-12);
    assertEquals(2, last.rank());
    assertEquals(40.0 / 17, last.attributionRatio(), 1e-12);
    assertEquals(2, last.withinInterval());  // C2: 10 inside [-3, 13]; C3: 0 inside [0, 4]
    assertEquals(5.0 / 3, linear.meanAbsError(), 1e-12);
    assertEquals(1, linear.rank());
    assertEquals(3, linear.withinInterval());
  }

  private static ComparisonRow row(ExperimentComparison.Result result, String scope, String id, String model) {
    return result.rows().stream()
        .filter(r -> r.scope().equals(scope) && r.scopeId().equals(id) && r.model().equals(model))
        .findFirst()
        .orElseThrow();
  }
}
