package io.triangulate.experiments.stats;

import java.util.List;

/**
 * Treatment versus control on a numeric outcome, adjusted for a pre-period covariate (CUPED), with
 * the unadjusted figures beside it. Values that cannot be computed are NaN (intervals {@link
 * Interval#UNDEFINED}) with the reason in {@code notes}.
 *
 * @param difference adjusted difference in means (ȳ_t − ȳ_c) − θ·(x̄_t − x̄_c)
 * @param standardError its standard error, √(s²_{a,t}/n_t + s²_{a,c}/n_c) on the adjusted outcome
 *     a = y − θ·x
 * @param interval difference ± z·standardError
 * @param pValue two-sided, normal approximation
 * @param relativeDifference difference / ȳ_c (NaN when the control mean is 0)
 * @param theta pooled within-arm slope Σ_arms Σ(x−x̄)(y−ȳ) / Σ_arms Σ(x−x̄)²; 0 when the
 *     covariate does not vary (then adjusted = unadjusted, with a note)
 * @param varianceReduction 1 − standardError² / unadjustedStandardError² (can be slightly negative
 *     when the covariate is useless, NaN when undefined)
 * @param unadjustedDifference ȳ_t − ȳ_c
 * @param unadjustedStandardError Welch-type √(s²_{y,t}/n_t + s²_{y,c}/n_c)
 * @param unadjustedInterval unadjustedDifference ± z·unadjustedStandardError
 * @param unadjustedPValue two-sided, normal approximation
 * @param notes reasons for NaN or degenerate values; empty when everything is regular
 */
public record CupedEstimate(
    double difference,
    double standardError,
    Interval interval,
    double pValue,
    double relativeDifference,
    double theta,
    double varianceReduction,
    double unadjustedDifference,
    double unadjustedStandardError,
    Interval unadjustedInterval,
    double unadjustedPValue,
    List<String> notes) {

  public CupedEstimate {
    notes = List.copyOf(notes);
  }
}
