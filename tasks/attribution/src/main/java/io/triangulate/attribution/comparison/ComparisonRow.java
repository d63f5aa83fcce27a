package io.triangulate.attribution.comparison;

/**
 * One model's credit for a campaign (scope {@code campaign}) or a channel (scope {@code channel}:
 * its experimented campaigns summed) beside what the experiments measured. Ratios are NaN where
 * their denominator is zero.
 *
 * @param attributionRatio credited conversions / incremental orders: above 1 the model over-credits
 * @param calibrationFactor incremental orders / credited conversions: what scales the model's
 *     credit to the experiment
 * @param valueCalibrationFactor incremental revenue / credited value
 * @param closest this model is (one of) the nearest to the experiment for this scope
 */
public record ComparisonRow(
    String scope,
    String scopeId,
    String channel,
    String model,
    double creditedConversions,
    double creditedValue,
    ExperimentResult experiment,
    double attributionRatio,
    double calibrationFactor,
    double valueCalibrationFactor,
    double absError,
    boolean withinInterval,
    boolean closest) {}
