package io.triangulate.experiments.stats;

import java.util.List;

/**
 * Treatment versus control on a binary outcome. Values that cannot be computed for this data are NaN
 * (intervals {@link Interval#UNDEFINED}) and {@code notes} says why, so one odd segment does not
 * stop a batch.
 *
 * @param treatedRate p_t
 * @param controlRate p_c
 * @param absoluteLift p_t − p_c
 * @param absoluteLiftInterval Wald interval (unpooled standard error)
 * @param relativeLift p_t / p_c − 1
 * @param relativeLiftInterval Katz log-ratio interval, shifted by −1
 * @param pValue two-sided, pooled two-proportion z-test of p_t = p_c
 * @param notes reasons for NaN or degenerate values; empty when everything is regular
 */
public record ProportionComparison(
    double treatedRate,
    double controlRate,
    double absoluteLift,
    Interval absoluteLiftInterval,
    double relativeLift,
    Interval relativeLiftInterval,
    double pValue,
    List<String> notes) {

  public ProportionComparison {
    notes = List.copyOf(notes);
  }
}
