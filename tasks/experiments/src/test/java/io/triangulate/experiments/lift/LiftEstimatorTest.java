package io.triangulate.experiments.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.RoasEstimate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LiftEstimatorTest {

  static final ArmTotals TREATED = new ArmTotals(1000, 120, 150, 210, 7500.0, 900_000.0);
  static final ArmTotals CONTROL = new ArmTotals(1000, 100, 120, 160, 5000.0, 600_000.0);

  private final LiftEstimator estimator = new LiftEstimator(ConfidenceLevel.NINETY_FIVE);

  /*
   * Conversions 120/1000 vs 100/1000: see TwoProportionTestTest (lift 0.02, CI [−0.0074115, 0.0474115],
   * p 0.1529178); incremental conversions 0.02 × 1000 = 20.
   * Orders per member: means 0.15 vs 0.12, difference 0.03;
   *   s_t² = (210 − 150·0.15)/999 = 0.1876877, s_c² = (160 − 120·0.12)/999 = 0.1457457,
   *   SE = √((0.1876877 + 0.1457457)/1000) = 0.0182601597, CI 0.03 ± 0.0357893
   *   → incremental orders 30, CI ×1000 = [−5.7892554, 65.7892554].
   * Revenue per member: 7.5 vs 5.0, difference 2.5;
   *   s_t² = (900,000 − 7,500·7.5)/999 = 844.5946, s_c² = (600,000 − 5,000·5)/999 = 575.5756,
   *   SE = √((844.5946 + 575.5756)/1000) = 1.1917089, CI 2.5 ± 2.3357066
   *   → incremental revenue 2,500, CI [164.2934, 4,835.7066].
   * Spend 1,000 → iROAS 2.5, CI [0.1642934, 4.8357066].
   */
  @Test
  void wholeCampaign() {
    SegmentStatistics wholeCampaign = new SegmentStatistics(new SegmentKey("c1", "all", "all"), TREATED, CONTROL);
    SegmentLift lift = estimator.estimate(wholeCampaign, OptionalDouble.of(1000));

    assertEquals(0.02, lift.conversions().absoluteLift(), 1e-12);
    assertEquals(0.1529177818639462, lift.conversions().pValue(), 1e-10);
    assertEquals(20.0, lift.incrementalConversions(), 1e-9);
    assertEquals(30.0, lift.orders().incrementalTotal(), 1e-9);
    assertEquals(-5.7892554264151945, lift.orders().incrementalTotalInterval().low(), 1e-8);
    assertEquals(65.7892554264152, lift.orders().incrementalTotalInterval().high(), 1e-8);
    assertEquals(2500.0, lift.revenue().incrementalTotal(), 1e-9);
    assertEquals(164.29342016449456, lift.revenue().incrementalTotalInterval().low(), 1e-7);
    assertEquals(4835.706579835506, lift.revenue().incrementalTotalInterval().high(), 1e-7);
    assertEquals(1000.0, lift.spend().getAsDouble(), 0.0);
    RoasEstimate roas = lift.incrementalRoas().orElseThrow();
    assertEquals(2.5, roas.value(), 1e-12);
    assertEquals(0.16429342016449455, roas.interval().low(), 1e-10);
    assertEquals(4.835706579835506, roas.interval().high(), 1e-10);
    assertTrue(lift.notes().isEmpty());
  }

  @Test
  void segmentsGetNoSpendAndNoRoas() {
    SegmentLift lift =
        estimator.estimate(
            new SegmentStatistics(new SegmentKey("c1", "region", "north"), TREATED, CONTROL), OptionalDouble.of(1000));
    assertTrue(lift.spend().isEmpty());
    assertTrue(lift.incrementalRoas().isEmpty());
    assertEquals(2500.0, lift.revenue().incrementalTotal(), 1e-9);
  }

  @Test
  void missingControlArmGivesUndefinedValuesWithReasons() {
    SegmentLift lift =
        estimator.estimate(
            new SegmentStatistics(new SegmentKey("c2", "all", "all"), TREATED, ArmTotals.EMPTY), OptionalDouble.of(0));
    assertTrue(Double.isNaN(lift.conversions().absoluteLift()));
    assertTrue(Double.isNaN(lift.incrementalConversions()));
    assertFalse(lift.revenue().incrementalTotalInterval().isDefined());
    assertEquals(0.0, lift.spend().getAsDouble(), 0.0);
    assertTrue(lift.incrementalRoas().isEmpty(), "no ROAS on zero spend");
    assertTrue(lift.notes().contains("revenue: control arm has no units"), lift.notes().toString());
  }

  @Test
  void impossibleTotalsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ArmTotals(10, 11, 11, 11, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ArmTotals(10, 1, 1, 1, Double.NaN, 0));
  }
}
