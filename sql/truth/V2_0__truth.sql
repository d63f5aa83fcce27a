-- What the simulator knows and estimators must not: only `triangulate evaluate` reads this schema.

create schema if not exists truth;

-- The generating parameters of every simulated campaign.
create table truth.campaign_params (
    campaign_id        text primary key,
    true_relative_lift double precision not null, -- peak relative lift on purchase probability
    adstock_decay      double precision not null,
    saturation_k       double precision not null,
    targeting_bias     double precision not null, -- how strongly exposure favours likely buyers
    lift_kind          text not null              -- strong, modest, zero or negative
);

-- Expected incremental orders and revenue per campaign and day among treated, exposed members:
-- the estimand of the campaign's experiment, summed over days.
create table truth.campaign_daily (
    ds                       date not null,
    campaign_id              text not null,
    true_incremental_orders  double precision not null,
    true_incremental_revenue double precision not null,
    primary key (ds, campaign_id)
);
