package io.triangulate.attribution.calibration;

/**
 * One model's credit for a campaign or media channel without campaigns (scope {@code campaign}), a
 * channel (scope {@code channel}: its labels summed) or all media (scope {@code total}), scaled by
 * the experiments. NaN where undefined (no experiment, no credit).
 *
 * @param experimentOrders the campaign's own experiment estimate (campaign scope), or the sum over the
 *     scope's experimented campaigns
 * @param factor calibrated ÷ credited; for a campaign, its pooled factor
 * @param source {@code experiment} (the campaign's own, shrunk), {@code channel_pool} (its channel's
 *     experimented campaigns), {@code global_pool} (no experiment in its channel); {@code mixed} for
 *     sums over labels of several sources
 * @param calibrated credited × factor: the model's estimate of the conversions the ads caused
 * @param low 2.5th percentile of the calibrated credit over the parametric bootstrap
 * @param high 97.5th percentile
 * @param looFactor the factor when the campaign's own experiment is left out of the pool (equal to
 *     {@code factor} where there is none): the out-of-sample version
 * @param looCalibrated credited × looFactor (summed for channel and total)
 */
public record CalibratedCredit(
    String scope,
    String scopeId,
    String channel,
    String model,
    double credited,
    double experimentOrders,
    double factor,
    double factorLow,
    double factorHigh,
    String source,
    double calibrated,
    double low,
    double high,
    double looFactor,
    double looCalibrated) {}
