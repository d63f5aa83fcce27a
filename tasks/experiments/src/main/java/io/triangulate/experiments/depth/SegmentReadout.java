package io.triangulate.experiments.depth;

import io.triangulate.experiments.stats.AlwaysValidInterval;
import io.triangulate.experiments.stats.BayesianResult;
import io.triangulate.experiments.stats.CupedEstimate;
import io.triangulate.experiments.stats.RatioComparison;
import io.triangulate.experiments.stats.SampleRatioResult;
import java.util.List;
import java.util.Optional;

/**
 * The read-outs of one campaign segment beside its fixed-horizon lift. An empty optional (or a
 * result with NaN values and notes) means the read-out is undefined for these data.
 *
 * @param cupedConversion conversion rate (Y = converted) adjusted for pre-period orders
 * @param cupedOrders orders per member adjusted for pre-period orders; × treated members it is the
 *     CUPED incremental orders
 * @param sequential the day's always-valid look at the absolute conversion lift
 * @param sequentialStatus {@code stop_positive}, {@code stop_negative} or {@code continue}
 * @param bayesian chance to beat control and expected loss on the conversion rate (whole campaign only)
 * @param revenuePerOrder treated − control revenue per order (delta method)
 * @param ordersPerMember treated − control orders per exposed member (delta method, denominator 1)
 * @param sampleRatio whole campaign only: exposed arms against the planned holdout share
 * @param plannedControlShare the campaign's planned holdout share (NaN when unknown)
 * @param ltvHorizonDays days of the LTV window observed so far (at most the configured window)
 */
public record SegmentReadout(
    Optional<CupedEstimate> cupedConversion,
    Optional<CupedEstimate> cupedOrders,
    Optional<AlwaysValidInterval> sequential,
    String sequentialStatus,
    Optional<BayesianResult> bayesian,
    Optional<RatioComparison> revenuePerOrder,
    Optional<RatioComparison> ordersPerMember,
    Optional<SampleRatioResult> sampleRatio,
    double plannedControlShare,
    int ltvHorizonDays,
    List<String> notes) {

  public static final String STOP_POSITIVE = "stop_positive";
  public static final String STOP_NEGATIVE = "stop_negative";
  public static final String CONTINUE = "continue";

  public SegmentReadout {
    notes = List.copyOf(notes);
  }
}
