package io.triangulate.attribution.comparison;

/**
 * A campaign's experiment (marts.experiment_lift, segment 'all'): incremental orders and revenue
 * with their interval ends.
 */
public record ExperimentResult(
    String campaignId,
    String channel,
    double incrementalOrders,
    double ordersLow,
    double ordersHigh,
    double incrementalRevenue,
    double revenueLow,
    double revenueHigh) {}
