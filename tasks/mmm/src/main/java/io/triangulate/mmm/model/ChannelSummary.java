package io.triangulate.mmm.model;

/**
 * One row of {@code channel_summary.csv}. Spend and contribution are totals over the fitted
 * period; {@code contributionShare} is contribution over the summed target; ROAS is contribution
 * per unit of spend with a 90% interval; {@code mroas} is the revenue of one more unit of spend
 * (see {@link ChannelSummaries}).
 */
public record ChannelSummary(
    String model,
    String channel,
    double spend,
    double contribution,
    double contributionShare,
    double roas,
    double roasLow,
    double roasHigh,
    double mroas) {}
