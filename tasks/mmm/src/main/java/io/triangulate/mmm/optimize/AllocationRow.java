package io.triangulate.mmm.optimize;

/**
 * One row of {@code allocation.csv}. Spend and revenue are totals over the planning horizon;
 * revenue is the incremental (media-driven) revenue at steady state with a 90% interval; ROAS is
 * revenue over spend and mROAS the revenue of one more unit of spend per period. The
 * {@code total} row sums the channels (its interval is of the total, not a sum of intervals) and
 * its mROAS is the marginal return the allocation equalises.
 */
public record AllocationRow(
    String scenario,
    String channel,
    double currentSpend,
    double optimalSpend,
    double change,
    double expectedRevenue,
    double expectedRevenueLow,
    double expectedRevenueHigh,
    double roas,
    double mroas) {

  public static final String TOTAL = "total";
}
