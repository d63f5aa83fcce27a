-- Marketing mix modelling: the channel matrix the MMM reads (SQL models, rebuilt per ds) and the
-- results `triangulate mmm fit --warehouse` and `triangulate optimize --warehouse` write.
-- Everything is kept per advertiser so a fit can be platform-wide (the default: summed) or for one
-- advertiser. Spend is in the platform's currency; revenue is the advertiser's order value.

-- ---------------------------------------------------------------- channel matrix (SQL models)
-- Media per day: onsite channels from the day's campaign delivery (marts.fct_campaign_daily), the
-- advertiser's own offline and streaming buys from raw.channel_spend.
create table marts.mmm_channel_daily (
    ds            date not null,
    advertiser_id text not null,
    channel       text not null,
    source        text not null,   -- platform (ad events) or brand (channel_spend)
    spend         double precision not null,
    impressions   bigint,          -- null where the vendor reports none (OOH)
    clicks        bigint,          -- null for brand media
    primary key (ds, advertiser_id, channel)
);

-- The target and controls per day: every order on the platform (raw.transactions) and on the
-- advertiser's own site (raw.web_purchases), whether or not any ad touched it.
create table marts.mmm_target_daily (
    ds               date not null,
    advertiser_id    text not null,
    platform_orders  bigint not null,
    platform_revenue double precision not null,
    web_orders       bigint not null,
    web_revenue      double precision not null,
    orders           bigint not null,
    revenue          double precision not null,
    day_of_week      smallint not null,  -- ISO: 1 Monday … 7 Sunday
    is_weekend       boolean not null,
    primary key (ds, advertiser_id)
);

-- Weeks start on Monday. A weekly row is the week to date: the build of day ds sums the week's
-- days up to ds, so rebuilding any day replaces exactly its own rows, and the row of a week's last
-- built day is the week's total (complete when mmm_target_weekly.days_built = 7).
create table marts.mmm_channel_weekly (
    ds            date not null,
    week_start    date not null,
    days_elapsed  smallint not null,
    advertiser_id text not null,
    channel       text not null,
    source        text not null,
    spend         double precision not null,
    impressions   bigint,
    clicks        bigint,
    primary key (ds, advertiser_id, channel)
);
create index mmm_channel_weekly_week on marts.mmm_channel_weekly (week_start, ds);

create table marts.mmm_target_weekly (
    ds               date not null,
    week_start       date not null,
    days_built       smallint not null,  -- days of the week with a built target row: 7 = complete week
    advertiser_id    text not null,
    platform_orders  bigint not null,
    platform_revenue double precision not null,
    web_orders       bigint not null,
    web_revenue      double precision not null,
    orders           bigint not null,
    revenue          double precision not null,
    weekend_days     smallint not null,
    primary key (ds, advertiser_id)
);
create index mmm_target_weekly_week on marts.mmm_target_weekly (week_start, ds);

-- ---------------------------------------------------------------- results (written by Java)
-- One fit is identified by (ds, grain): ds is the last day of the fitted window. A re-run of the same
-- fit replaces all of its rows in one transaction.

-- The fitted media response (model.json of `mmm fit --out`), what `optimize --warehouse` plans on.
create table marts.mmm_model (
    ds           date not null,
    grain        text not null,     -- daily or weekly
    model        text not null,     -- ridge or bayesian
    period_start date not null,
    period_end   date not null,
    periods      integer not null,
    advertiser   text not null,     -- 'all' or one advertiser_id
    model_json   text not null,
    primary key (ds, grain, model)
);

create table marts.mmm_channel_summary (
    ds                 date not null,
    grain              text not null,
    model              text not null,
    channel            text not null,
    spend              double precision not null,
    contribution       double precision,
    contribution_share double precision,
    roas               double precision,
    roas_low           double precision,   -- 90% interval
    roas_high          double precision,
    mroas              double precision,
    primary key (ds, grain, model, channel)
);

create table marts.mmm_decomposition (
    ds          date not null,
    grain       text not null,
    model       text not null,
    period_date date not null,
    component   text not null,   -- baseline, trend, seasonality, each control, each channel
    value       double precision not null,
    primary key (ds, grain, model, period_date, component)
);

create table marts.mmm_fit_metrics (
    ds     date not null,
    grain  text not null,
    model  text not null,
    metric text not null,
    value  double precision,
    primary key (ds, grain, model, metric)
);

create table marts.mmm_parameters (
    ds        date not null,
    grain     text not null,
    model     text not null,
    parameter text not null,
    estimate  double precision,
    low       double precision,
    high      double precision,
    rhat      double precision,
    ess       double precision,
    primary key (ds, grain, model, parameter)
);

-- Predictions against actuals per period (90% interval where the model has one).
create table marts.mmm_fit (
    ds          date not null,
    grain       text not null,
    model       text not null,
    period_date date not null,
    actual      double precision not null,
    fitted      double precision not null,
    fitted_low  double precision,
    fitted_high double precision,
    primary key (ds, grain, model, period_date)
);

-- Steady-state response curves: incremental revenue per period against spend per period.
create table marts.mmm_response_curves (
    ds                 date not null,
    grain              text not null,
    model              text not null,
    channel            text not null,
    spend_per_period   double precision not null,
    revenue_per_period double precision,
    revenue_low        double precision,
    revenue_high       double precision,
    mroas              double precision,
    primary key (ds, grain, model, channel, spend_per_period)
);

-- Budget plans of `optimize --warehouse` (allocation.csv), per fit and scenario.
create table marts.mmm_allocation (
    ds                    date not null,
    grain                 text not null,
    model                 text not null,
    scenario              text not null,
    channel               text not null,
    current_spend         double precision not null,
    optimal_spend         double precision not null,
    change                double precision not null,
    expected_revenue      double precision,
    expected_revenue_low  double precision,
    expected_revenue_high double precision,
    roas                  double precision,
    mroas                 double precision,
    primary key (ds, grain, model, scenario, channel)
);

-- Closed loop (simulation only): the period re-simulated with a plan's spend, expected revenue
-- without sampling noise, against the change the model predicted.
create table marts.mmm_closed_loop (
    ds                  date not null,
    grain               text not null,
    model               text not null,
    scenario            text not null,
    period_start        date not null,
    period_end          date not null,
    current_spend       double precision not null,
    planned_spend       double precision not null,
    baseline_revenue    double precision not null,  -- simulator, current spend
    realized_revenue    double precision not null,  -- simulator, planned spend
    realized_change     double precision not null,
    predicted_change    double precision,
    predicted_change_low  double precision,
    predicted_change_high double precision,
    primary key (ds, grain, model, scenario)
);
