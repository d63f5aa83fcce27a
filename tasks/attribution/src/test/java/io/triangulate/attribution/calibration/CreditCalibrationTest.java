package io.triangulate.attribution.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.attribution.calibration.CreditCalibration.LabelCredit;
import io.triangulate.attribution.comparison.ExperimentResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditCalibrationTest {

  private static final double EPS = 1e-9;
  private static final double Z = CreditCalibration.Z95;

  // A: credit 10, experiment 5 with se 2 (factor 0.5, variance 0.04); B: credit 20, experiment 20 with
  // se 4 (factor 1, variance 0.04); both onsite_search. linear_tv: credit 100, no experiment.
  private static final List<LabelCredit> CREDITS = List.of(
      new LabelCredit("A", "onsite_search", 10), new LabelCredit("B", "onsite_search", 20),
      new LabelCredit("linear_tv", "linear_tv", 100));
  private static final List<ExperimentResult> EXPERIMENTS = List.of(
      new ExperimentResult("A", "onsite_search", 5, 5 - 2 * Z, 5 + 2 * Z, 50, 0, 100),
      new ExperimentResult("B", "onsite_search", 20, 20 - 4 * Z, 20 + 4 * Z, 200, 0, 400));

  @Test
  void calibratesCampaignsChannelsAndTotalByHand() {
    CreditCalibration.Result result = CreditCalibration.calibrate("last_touch", CREDITS, EXPERIMENTS, 0, 1);
    // tau2: Q = 25 (0.25^2 + 0.25^2) = 3.125, df 1, C = 50 - 1250/50 = 25, so (3.125 - 1)/25 = 0.085.
    assertEquals(0.085, result.fit().tau2(), EPS);
    assertEquals(2, result.experiments());
    // One channel: its mean 0.75 is the global mean; lambda = 0.04 / 0.125 = 0.32.
    CalibratedCredit a = row(result, "campaign", "A");
    assertEquals(0.32 * 0.75 + 0.68 * 0.5, a.factor(), EPS); // 0.58
    assertEquals(5.8, a.calibrated(), EPS);
    assertEquals("experiment", a.source());
    assertEquals(5.0, a.experimentOrders(), EPS);
    CalibratedCredit b = row(result, "campaign", "B");
    assertEquals(18.4, b.calibrated(), EPS); // 20 x 0.92
    CalibratedCredit tv = row(result, "campaign", "linear_tv");
    assertEquals(75.0, tv.calibrated(), EPS); // 100 x the global 0.75
    assertEquals("global_pool", tv.source());
    assertTrue(Double.isNaN(tv.experimentOrders()));
    // Left out: A's factor is B's alone (1), B's is A's alone (0.5); linear_tv has no experiment to leave out.
    assertEquals(1.0, a.looFactor(), EPS);
    assertEquals(10.0, a.looCalibrated(), EPS);
    assertEquals(10.0, b.looCalibrated(), EPS);
    assertEquals(75.0, tv.looCalibrated(), EPS);
    CalibratedCredit search = row(result, "channel", "onsite_search");
    assertEquals(30.0, search.credited(), EPS);
    assertEquals(24.2, search.calibrated(), EPS);
    assertEquals(25.0, search.experimentOrders(), EPS);
    assertEquals(20.0, search.looCalibrated(), EPS);
    assertEquals("experiment", search.source());
    CalibratedCredit total = row(result, "total", "all_media");
    assertEquals(99.2, total.calibrated(), EPS);
    assertEquals(95.0, total.looCalibrated(), EPS);
    assertEquals("mixed", total.source());
    assertTrue(Double.isNaN(total.low()), "no draws, no interval");
  }

  @Test
  void bootstrapIntervalsAreSeededAndCoverThePoint() {
    CreditCalibration.Result one = CreditCalibration.calibrate("last_touch", CREDITS, EXPERIMENTS, 400, 7);
    CreditCalibration.Result two = CreditCalibration.calibrate("last_touch", CREDITS, EXPERIMENTS, 400, 7);
    assertEquals(one.rows(), two.rows());
    for (CalibratedCredit r : one.rows()) {
      assertTrue(r.low() <= r.calibrated() && r.calibrated() <= r.high(), r.toString());
    }
    // A and B have equal factor variances, so whatever tau2 a draw estimates, the pooled mean is the plain
    // mean of the two drawn factors: linear_tv's calibrated credit is exactly 100 (f*_A + f*_B) / 2, normal
    // with mean 75 and sd 100 sqrt(0.04 + 0.04) / 2 = 14.14, so its interval is 75 -/+ 27.72. With 400 draws
    // a percentile's Monte Carlo sd is 14.14 sqrt(0.025 x 0.975 / 400) / phi(1.96) = 1.9: allow 3 of them.
    CalibratedCredit tv = row(one, "campaign", "linear_tv");
    assertEquals(75 - 27.72, tv.low(), 5.7);
    assertEquals(75 + 27.72, tv.high(), 5.7);
  }

  @Test
  void aCampaignWithoutCreditIsNotAnObservation() {
    List<LabelCredit> credits = List.of(new LabelCredit("A", "onsite_search", 0), new LabelCredit("B", "onsite_search", 20));
    CreditCalibration.Result result = CreditCalibration.calibrate("m", credits, EXPERIMENTS, 0, 1);
    assertEquals(1, result.experiments());
    assertEquals(1.0, result.fit().globalMean(), EPS);
    assertEquals(0.0, row(result, "campaign", "A").calibrated(), EPS);
  }

  private static CalibratedCredit row(CreditCalibration.Result result, String scope, String id) {
    return result.rows().stream().filter(r -> r.scope().equals(scope) && r.scopeId().equals(id)).findFirst().orElseThrow();
  }
}
