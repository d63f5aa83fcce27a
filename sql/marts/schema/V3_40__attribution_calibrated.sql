-- Calibrated attribution (written by `triangulate attribute --ds`, issue 17): every model's campaign
-- credit scaled by experiment-based factors, incremental orders ÷ credited conversions, partially
-- pooled campaigns-within-channel and channels-within-world (empirical Bayes, DerSimonian-Laird
-- variances; see io.triangulate.attribution.calibration.FactorPooling). Campaigns and media channels
-- without an experiment get their channel's pooled factor, or the global one. Web visits the
-- advertiser did not buy (channels web_*) are not media and are not calibrated.
create table marts.attribution_calibrated (
    ds                      date not null,
    scope                   text not null,   -- campaign (a campaign, or a media channel without campaigns), channel, total
    scope_id                text not null,   -- campaign id or channel; 'all_media' for the total
    channel                 text not null,
    model                   text not null,
    credited_conversions    double precision not null, -- the model's credit (attribution_credit, campaign level)
    experiment_orders       double precision,          -- the experiments' incremental orders (sum over the scope's experimented campaigns)
    factor                  double precision,          -- calibrated ÷ credited
    factor_ci_low           double precision,          -- 95% parametric-bootstrap interval of the factor
    factor_ci_high          double precision,
    factor_source           text not null,   -- experiment (own, shrunk), channel_pool, global_pool; mixed for sums
    calibrated_conversions  double precision,          -- the model's estimate of the conversions the ads caused
    calibrated_ci_low       double precision,
    calibrated_ci_high      double precision,
    loo_factor              double precision,          -- factor with the campaign's own experiment left out of the pool
    loo_calibrated_conversions double precision,       -- the out-of-sample version: credited × loo_factor (summed)
    primary key (ds, scope, scope_id, model)
);

-- The pooling fit per model: within-channel (tau2) and between-channel (omega2) variances of the
-- factors and the global factor with its standard error.
create table marts.attribution_calibration_fit (
    ds             date not null,
    model          text not null,
    experiments    integer not null,   -- campaigns with an experiment and credit > 0, pooled
    tau2           double precision,
    omega2         double precision,
    global_factor  double precision,
    global_factor_se double precision,
    primary key (ds, model)
);
