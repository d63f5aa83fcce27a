package io.triangulate.decide.report;

/** One row of the channel KPI table in the report. */
public record ChannelKpi(
    String channel, long impressions, long clicks, double spend, long attributedOrders, double attributedRevenue,
    double ctr, double cpm, double roas) {}
