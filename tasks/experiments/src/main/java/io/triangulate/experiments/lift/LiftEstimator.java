package io.triangulate.experiments.lift;

import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.IncrementalRoas;
import io.triangulate.experiments.stats.MeanComparison;
import io.triangulate.experiments.stats.MeanDifferenceTest;
import io.triangulate.experiments.stats.ProportionComparison;
import io.triangulate.experiments.stats.RoasEstimate;
import io.triangulate.experiments.stats.TwoProportionTest;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Estimates a campaign segment's lift from its arms' sufficient statistics: conversion rate by the
 * two-proportion comparison, orders and revenue per member by the mean comparison scaled to the
 * treated members, and incremental ROAS for the whole campaign. Pure: values in, a record out.
 */
public final class LiftEstimator {

  private final ConfidenceLevel level;

  public LiftEstimator(ConfidenceLevel level) {
    this.level = level;
  }

  /**
   * @param campaignSpend the campaign's spend to date, empty when unknown; used only when {@code
   *     statistics} covers the whole campaign
   */
  public SegmentLift estimate(SegmentStatistics statistics, OptionalDouble campaignSpend) {
    ArmTotals treated = statistics.treated();
    ArmTotals control = statistics.control();
    ProportionComparison conversions = TwoProportionTest.compare(treated.conversions(), control.conversions(), level);
    MeanComparison orders = MeanDifferenceTest.compare(treated.ordersPerMember(), control.ordersPerMember(), level);
    MeanComparison revenue = MeanDifferenceTest.compare(treated.revenuePerMember(), control.revenuePerMember(), level);

    OptionalDouble spend = statistics.key().isWholeCampaign() ? campaignSpend : OptionalDouble.empty();
    Optional<RoasEstimate> roas =
        spend.isPresent() ? IncrementalRoas.estimate(revenue, spend.getAsDouble()) : Optional.empty();
    return new SegmentLift(
        statistics.key(),
        treated,
        control,
        conversions,
        conversions.absoluteLift() * treated.members(),
        orders,
        revenue,
        spend,
        roas);
  }
}
