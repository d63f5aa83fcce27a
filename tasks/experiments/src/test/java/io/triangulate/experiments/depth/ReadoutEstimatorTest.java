package io.triangulate.experiments.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.config.ConfigLoader;
import io.triangulate.experiments.lift.ArmTotals;
import io.triangulate.experiments.lift.SegmentKey;
import io.triangulate.experiments.lift.SegmentStatistics;
import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.CovariateArm;
import io.triangulate.experiments.stats.Cuped;
import io.triangulate.experiments.stats.CupedEstimate;
import io.triangulate.experiments.stats.SampleRatioCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The mapping of warehouse sums onto exp-core's statistics (whose numbers their own tests check). */
class ReadoutEstimatorTest {

  private static final ConfidenceLevel LEVEL = new ConfidenceLevel(0.95);
  // The bundled configs/experiments.yaml (the loader falls back to the jar's defaults).
  private static final ExperimentsConfig CONFIG =
      ExperimentsConfig.load(new ConfigLoader(Path.of("no-such-config-dir")));
  private final ReadoutEstimator estimator = new ReadoutEstimator(LEVEL, CONFIG);

  private static final ArmTotals TREATED = new ArmTotals(1000, 120, 150, 210, 7500, 900_000);
  private static final ArmTotals CONTROL = new ArmTotals(1000, 100, 120, 160, 5000, 600_000);
  private static final ArmCovariates TREATED_X = new ArmCovariates(300, 500, 70, 90, 1_100_000);
  private static final ArmCovariates CONTROL_X = new ArmCovariates(310, 520, 60, 80, 700_000);

  @Test
  void conversionCupedUsesConvertersAsBothOutcomeSums() {
    SegmentReadout r = estimator.estimate(
        new SegmentStatistics(new SegmentKey("c1", "all", "all"), TREATED, CONTROL), TREATED_X, CONTROL_X, 0.5, 12);
    CupedEstimate expected = Cuped.estimate(
        new CovariateArm(1000, 120, 120, 300, 500, 70), new CovariateArm(1000, 100, 100, 310, 520, 60), LEVEL);
    CupedEstimate got = r.cupedConversion().orElseThrow();
    assertEquals(expected.difference(), got.difference(), 0.0);
    assertEquals(expected.standardError(), got.standardError(), 0.0);
    // Unadjusted side of CUPED on Y = converted is the plain rate difference 0.12 − 0.10.
    assertEquals(0.02, got.unadjustedDifference(), 1e-15);
    CupedEstimate orders = r.cupedOrders().orElseThrow();
    assertEquals(0.03, orders.unadjustedDifference(), 1e-15); // 150/1000 − 120/1000
    // The check the decision uses, against a 50/50 plan: 1000 vs 1000 is a perfect split.
    assertEquals(SampleRatioCheck.twoArms(1000, 1000, 0.5).pValue(), r.sampleRatio().orElseThrow().pValue(), 0.0);
    assertEquals(1.0, r.sampleRatio().orElseThrow().pValue(), 1e-12);
    // Revenue per order: 7500/150 − 5000/120 = 50 − 41.666… = 8.333…
    assertEquals(50.0 - 5000.0 / 120, r.revenuePerOrder().orElseThrow().difference(), 1e-12);
    // Orders per member with denominator 1 is the mean difference 0.15 − 0.12.
    assertEquals(0.03, r.ordersPerMember().orElseThrow().difference(), 1e-15);
    assertTrue(r.bayesian().isPresent());
    assertEquals(12, r.ltvHorizonDays());
  }

  @Test
  void segmentsGetNoSampleRatioCheckNorBayesianReadout() {
    SegmentReadout r = estimator.estimate(
        new SegmentStatistics(new SegmentKey("c1", "region", "north"), TREATED, CONTROL), TREATED_X, CONTROL_X, 0.2, 3);
    assertTrue(r.sampleRatio().isEmpty());
    assertTrue(r.bayesian().isEmpty());
    assertTrue(r.cupedConversion().isPresent());
  }

  @Test
  void aMissingCovariateMakesCupedEqualTheUnadjustedLift() {
    SegmentReadout r = estimator.estimate(
        new SegmentStatistics(new SegmentKey("c1", "all", "all"), TREATED, CONTROL),
        ArmCovariates.EMPTY, ArmCovariates.EMPTY, 0.2, 3);
    CupedEstimate c = r.cupedConversion().orElseThrow();
    assertEquals(c.unadjustedDifference(), c.difference(), 0.0);
    assertEquals(c.unadjustedStandardError(), c.standardError(), 0.0);
  }

  @Test
  void stoppingStatusFollowsTheAlwaysValidIntervalsSide() {
    // 1000 vs 1000 members, 120 vs 100 converters: the day's always-valid interval straddles 0.
    SegmentReadout flat = estimator.estimate(
        new SegmentStatistics(new SegmentKey("c1", "all", "all"), TREATED, CONTROL), TREATED_X, CONTROL_X, 0.5, 3);
    assertEquals(SegmentReadout.CONTINUE, flat.sequentialStatus());
    assertTrue(flat.sequential().orElseThrow().interval().low() < 0);
    // 20,000 per arm at 10% vs 6%: far outside any plausible boundary, on either side.
    ArmTotals high = new ArmTotals(20_000, 2_000, 2_000, 2_000, 0, 0);
    ArmTotals low = new ArmTotals(20_000, 1_200, 1_200, 1_200, 0, 0);
    SegmentKey key = new SegmentKey("c2", "all", "all");
    assertEquals(SegmentReadout.STOP_POSITIVE, estimator.estimate(
        new SegmentStatistics(key, high, low), ArmCovariates.EMPTY, ArmCovariates.EMPTY, 0.5, 3).sequentialStatus());
    assertEquals(SegmentReadout.STOP_NEGATIVE, estimator.estimate(
        new SegmentStatistics(key, low, high), ArmCovariates.EMPTY, ArmCovariates.EMPTY, 0.5, 3).sequentialStatus());
  }
}
