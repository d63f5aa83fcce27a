package io.triangulate.experiments.depth;

import io.triangulate.experiments.lift.ArmTotals;
import io.triangulate.experiments.lift.SegmentStatistics;
import io.triangulate.experiments.stats.AlwaysValidInterval;
import io.triangulate.experiments.stats.BayesianReadout;
import io.triangulate.experiments.stats.BayesianResult;
import io.triangulate.experiments.stats.BetaPrior;
import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.CovariateArm;
import io.triangulate.experiments.stats.Cuped;
import io.triangulate.experiments.stats.CupedEstimate;
import io.triangulate.experiments.stats.DeltaMethod;
import io.triangulate.experiments.stats.MixtureSequentialTest;
import io.triangulate.experiments.stats.RatioArm;
import io.triangulate.experiments.stats.RatioComparison;
import io.triangulate.experiments.stats.SampleRatioCheck;
import io.triangulate.experiments.stats.SampleRatioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-outs beside a segment's fixed-horizon lift, from its arms' sufficient statistics: CUPED,
 * the day's always-valid (mSPRT) look, the Bayesian read-out, delta-method ratios and, for the
 * whole campaign, the sample-ratio check. Pure: values in, a record out. The statistics are
 * exp-core's ({@code io.triangulate.experiments.stats}); this class only maps sums onto them.
 *
 * <p>Sequential: each day's interval is a single look of the confidence sequence, which holds at
 * every day simultaneously with probability ≥ 1 − α (Johari et al. 2017), so a campaign may be
 * stopped on the first day whose interval excludes 0; the status says which side.
 */
public final class ReadoutEstimator {

  private final ConfidenceLevel level;
  private final MixtureSequentialTest sequential;
  private final BetaPrior prior;

  public ReadoutEstimator(ConfidenceLevel level, ExperimentsConfig config) {
    this.level = level;
    this.sequential = new MixtureSequentialTest(
        MixtureSequentialTest.tauSquaredForEffect(config.sequential().tau()), config.sequential().alpha());
    this.prior = new BetaPrior(config.bayesian().priorAlpha(), config.bayesian().priorBeta());
  }

  public String priorLabel() {
    return prior.label();
  }

  /**
   * @param plannedControlShare the campaign's planned holdout share, NaN when unknown (no SRM check)
   * @param ltvHorizonDays days of the LTV window observed so far
   */
  public SegmentReadout estimate(
      SegmentStatistics statistics, ArmCovariates treatedCovariates, ArmCovariates controlCovariates,
      double plannedControlShare, int ltvHorizonDays) {
    ArmTotals t = statistics.treated();
    ArmTotals c = statistics.control();
    List<String> notes = new ArrayList<>();

    Optional<CupedEstimate> cupedConversion = attempt("cuped conversion", notes, () -> Cuped.estimate(
        conversionArm(t, treatedCovariates), conversionArm(c, controlCovariates), level));
    Optional<CupedEstimate> cupedOrders = attempt("cuped orders", notes, () -> Cuped.estimate(
        ordersArm(t, treatedCovariates), ordersArm(c, controlCovariates), level));
    Optional<AlwaysValidInterval> look = attempt("sequential", notes,
        () -> sequential.look(t.conversions(), c.conversions()));
    String status = look.map(ReadoutEstimator::status).orElse(SegmentReadout.CONTINUE);
    // Whole campaigns only: the numeric integration costs ~10 ms a segment (5 integrals of the
    // regularized incomplete beta), 1.7 s for a day's 168 segments; 12 campaigns cost 0.1 s.
    Optional<BayesianResult> bayesian = statistics.key().isWholeCampaign()
        ? attempt("bayesian", notes, () -> BayesianReadout.binary(t.conversions(), c.conversions(), prior, level))
        : Optional.empty();
    Optional<RatioComparison> revenuePerOrder = attempt("revenue per order", notes, () -> DeltaMethod.compare(
        revenuePerOrderArm(t, treatedCovariates), revenuePerOrderArm(c, controlCovariates), level));
    Optional<RatioComparison> ordersPerMember = attempt("orders per member", notes,
        () -> DeltaMethod.compare(ordersPerMemberArm(t), ordersPerMemberArm(c), level));
    Optional<SampleRatioResult> sampleRatio =
        statistics.key().isWholeCampaign() && plannedControlShare > 0 && plannedControlShare < 1
            ? attempt("sample ratio", notes, () -> SampleRatioCheck.twoArms(t.members(), c.members(), plannedControlShare))
            : Optional.empty();
    cupedConversion.ifPresent(e -> e.notes().forEach(n -> notes.add("cuped conversion: " + n)));
    return new SegmentReadout(cupedConversion, cupedOrders, look, status, bayesian, revenuePerOrder, ordersPerMember,
        sampleRatio, plannedControlShare, ltvHorizonDays, notes);
  }

  static String status(AlwaysValidInterval look) {
    if (look.interval().isDefined() && look.interval().low() > 0) {
      return SegmentReadout.STOP_POSITIVE;
    }
    if (look.interval().isDefined() && look.interval().high() < 0) {
      return SegmentReadout.STOP_NEGATIVE;
    }
    return SegmentReadout.CONTINUE;
  }

  /** Y = converted (0/1), so ΣY = ΣY² = converters and ΣXY = X summed over converters. */
  static CovariateArm conversionArm(ArmTotals arm, ArmCovariates x) {
    return new CovariateArm(arm.members(), arm.converters(), arm.converters(),
        x.preOrders(), x.preOrdersSquared(), x.preOrdersTimesConverted());
  }

  static CovariateArm ordersArm(ArmTotals arm, ArmCovariates x) {
    return new CovariateArm(arm.members(), arm.orders(), arm.ordersSquared(),
        x.preOrders(), x.preOrdersSquared(), x.preOrdersTimesOrders());
  }

  /** Units are members: num = revenue, den = orders. */
  static RatioArm revenuePerOrderArm(ArmTotals arm, ArmCovariates x) {
    return new RatioArm(arm.members(), arm.revenue(), arm.orders(), arm.revenueSquared(), arm.ordersSquared(),
        x.revenueTimesOrders());
  }

  /** num = orders, den = 1 per member: Σden = Σden² = n, Σnum·den = Σorders. */
  static RatioArm ordersPerMemberArm(ArmTotals arm) {
    return new RatioArm(arm.members(), arm.orders(), arm.members(), arm.ordersSquared(), arm.members(), arm.orders());
  }

  /** A read-out the data cannot support (e.g. an empty arm the statistic refuses) is left out with a note. */
  private static <T> Optional<T> attempt(String what, List<String> notes, Supplier<T> body) {
    try {
      return Optional.of(body.get());
    } catch (IllegalArgumentException e) {
      notes.add(what + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
