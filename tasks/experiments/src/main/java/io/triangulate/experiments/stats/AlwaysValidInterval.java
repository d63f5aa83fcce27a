package io.triangulate.experiments.stats;

/**
 * One look of a sequential (always-valid) analysis of a difference.
 *
 * @param estimate the difference estimate at this look (e.g. mean_t − mean_c)
 * @param variance its variance at this look (e.g. s_t²/n_t + s_c²/n_c)
 * @param interval the confidence sequence at this look: contains the true difference at every look
 *     simultaneously with probability ≥ 1 − α. From {@link MixtureSequentialTest#monitor} it is the
 *     running intersection of all looks so far
 * @param likelihoodRatio the mixture likelihood ratio Λ against a difference of 0
 * @param pValue always-valid p-value min(1, 1/Λ) (running minimum over looks in a monitor)
 * @param rejected true when the null difference 0 is outside the interval (equivalently pValue ≤ α)
 */
public record AlwaysValidInterval(
    double estimate, double variance, Interval interval, double likelihoodRatio, double pValue, boolean rejected) {}
