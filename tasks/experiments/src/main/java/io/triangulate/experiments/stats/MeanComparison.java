package io.triangulate.experiments.stats;

import java.util.List;

/**
 * Treatment versus control on a numeric outcome (orders or revenue per unit). Values that cannot be
 * computed are NaN (intervals {@link Interval#UNDEFINED}) with the reason in {@code notes}.
 *
 * @param treatedMean mean_t
 * @param controlMean mean_c
 * @param difference mean_t − mean_c, the average effect per treated unit
 * @param differenceInterval Welch-type normal interval
 * @param relativeDifference mean_t / mean_c − 1 (point estimate only)
 * @param pValue two-sided, normal approximation
 * @param incrementalTotal difference × n_t: the outcome the treatment added across the treated
 *     population (incremental orders, incremental revenue)
 * @param incrementalTotalInterval differenceInterval × n_t
 * @param notes reasons for NaN or degenerate values; empty when everything is regular
 */
public record MeanComparison(
    double treatedMean,
    double controlMean,
    double difference,
    Interval differenceInterval,
    double relativeDifference,
    double pValue,
    double incrementalTotal,
    Interval incrementalTotalInterval,
    List<String> notes) {

  public MeanComparison {
    notes = List.copyOf(notes);
  }
}
