package io.triangulate.experiments.stats;

import java.util.List;

/**
 * Difference of a ratio metric between independent arms, with the delta method.
 *
 * @param treated the treated arm's ratio
 * @param control the control arm's ratio
 * @param difference R_t − R_c
 * @param standardError √(SE_t² + SE_c²)
 * @param interval difference ± z·standardError
 * @param relativeDifference R_t / R_c − 1 (point estimate only)
 * @param pValue two-sided, normal approximation
 * @param notes reasons for NaN values (union of both arms' notes); empty when everything is regular
 */
public record RatioComparison(
    RatioEstimate treated,
    RatioEstimate control,
    double difference,
    double standardError,
    Interval interval,
    double relativeDifference,
    double pValue,
    List<String> notes) {

  public RatioComparison {
    notes = List.copyOf(notes);
  }
}
