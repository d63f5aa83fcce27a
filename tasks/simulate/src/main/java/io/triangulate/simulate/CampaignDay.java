package io.triangulate.simulate;

/**
 * One campaign's day (a day of its flight or of its adstock tail after it): its ad-event rows,
 * counts, and its effect on the purchase probability of each treated member whose adstock is
 * positive.
 *
 * @param events ad_events rows, ready to write (no header)
 * @param eventRows rows in {@code events}, duplicates included
 * @param effectMembers member indexes with a non-zero effect (ascending), first {@code effectCount} valid
 * @param effects relative effect r on those members: p = p0 × (1 + Σ r)
 * @param trueOrders Σ p0 × r: expected incremental orders caused today
 * @param trueRevenue Σ p0 × r × expected order value
 * @param clickMembers members who clicked today, one entry per click (duplicated rows not repeated)
 * @param clickSeconds second of the day of each click
 */
record CampaignDay(
    Campaign campaign,
    StringBuilder events,
    long eventRows,
    long impressions,
    long clicks,
    long ghostImpressions,
    double spend,
    int[] effectMembers,
    double[] effects,
    int effectCount,
    double trueOrders,
    double trueRevenue,
    int[] clickMembers,
    int[] clickSeconds) {}
