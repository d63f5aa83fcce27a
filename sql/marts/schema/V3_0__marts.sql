-- Mart tables. Every table has `ds`, the data interval it was built for; the materializer (and the
-- Java tasks for result tables) replace one `ds` at a time in a single transaction.
-- Ratios are NULL where their denominator is zero rather than a made-up 0.

create schema if not exists marts;

-- ---------------------------------------------------------------- delivery and KPIs
create table marts.fct_campaign_daily (
    ds                 date not null,
    campaign_id        text not null,
    advertiser_id      text not null,
    campaign_name      text not null,
    channel            text not null,
    impressions        bigint not null,
    clicks             bigint not null,
    spend              numeric(16, 4) not null,
    reached_members    bigint not null,
    attributed_orders  bigint not null,  -- last touch: click window, then view window
    attributed_revenue numeric(16, 2) not null,
    ctr                double precision, -- clicks / impressions
    cvr                double precision, -- attributed orders / clicks
    cpc                double precision, -- spend / clicks
    cpm                double precision, -- 1000 * spend / impressions
    cpo                double precision, -- spend / attributed orders
    roas               double precision, -- attributed revenue / spend
    primary key (ds, campaign_id)
);

create table marts.fct_channel_daily (
    ds                 date not null,
    channel            text not null,
    campaigns          bigint not null,
    impressions        bigint not null,
    clicks             bigint not null,
    spend              numeric(16, 4) not null,
    attributed_orders  bigint not null,
    attributed_revenue numeric(16, 2) not null,
    ctr                double precision,
    cvr                double precision,
    cpc                double precision,
    cpm                double precision,
    cpo                double precision,
    roas               double precision,
    primary key (ds, channel)
);

-- The executive summary: one row per day for the whole platform.
create table marts.fct_platform_daily (
    ds                 date primary key,
    active_campaigns   bigint not null,
    impressions        bigint not null,
    clicks             bigint not null,
    spend              numeric(16, 4) not null,
    attributed_orders  bigint not null,
    attributed_revenue numeric(16, 2) not null,
    total_orders       bigint not null,
    total_revenue      numeric(16, 2) not null,
    buyers             bigint not null,
    ctr                double precision,
    cpm                double precision,
    roas               double precision,
    attributed_share_of_revenue double precision
);

-- ---------------------------------------------------------------- experiments
-- Members whose first ad opportunity of a campaign fell on `ds`: a real impression in the treatment
-- arm, a logged ghost impression in control (ghost ads). The first exposure starts a member's
-- outcome window; keeping only first exposures keeps the cumulative statistics cheap.
create table marts.fct_experiment_first_exposure (
    ds          date not null,
    campaign_id text not null,
    member_id   text not null,
    arm         text not null,
    exposures   integer not null, -- opportunities on that first day
    primary key (ds, campaign_id, member_id)
);
create index fct_experiment_first_exposure_member on marts.fct_experiment_first_exposure (campaign_id, member_id);
create index fct_experiment_first_exposure_campaign_ds on marts.fct_experiment_first_exposure (campaign_id, ds);

-- Sufficient statistics per campaign, arm and segment, cumulative from the campaign's start to
-- `ds`: enough for every lift estimate Java makes, without moving member rows out of SQL.
create table marts.fct_experiment_stats (
    ds            date not null,
    campaign_id   text not null,
    segment_type  text not null,   -- all, region, age_band or loyalty_tier
    segment_value text not null,
    arm           text not null,
    members       bigint not null, -- exposed (treatment) or ghost-exposed (control) members
    converters    bigint not null, -- members with >= 1 order after their first exposure
    orders        bigint not null,
    orders_sq     bigint not null, -- sum over members of orders^2
    revenue       double precision not null,
    revenue_sq    double precision not null,
    primary key (ds, campaign_id, segment_type, segment_value, arm)
);

-- Spend and attributed results per campaign from its start to `ds`.
create table marts.fct_campaign_to_date (
    ds                 date not null,
    campaign_id        text not null,
    advertiser_id      text not null,
    campaign_name      text not null,
    channel            text not null,
    start_date         date not null,
    end_date           date not null,
    daily_budget       numeric(14, 2) not null,
    days_live          integer not null,
    impressions        bigint not null,
    clicks             bigint not null,
    spend              numeric(16, 4) not null,
    attributed_orders  bigint not null,
    attributed_revenue numeric(16, 2) not null,
    attributed_roas    double precision,
    primary key (ds, campaign_id)
);

-- ---------------------------------------------------------------- results written by Java tasks
create table marts.experiment_lift (
    ds                          date not null,
    campaign_id                 text not null,
    segment_type                text not null,
    segment_value               text not null,
    treated_n                   bigint not null,
    control_n                   bigint not null,
    treated_converters          bigint not null,
    control_converters          bigint not null,
    treated_rate                double precision,
    control_rate                double precision,
    abs_lift                    double precision,
    abs_lift_ci_low             double precision,
    abs_lift_ci_high            double precision,
    rel_lift                    double precision,
    rel_lift_ci_low             double precision,
    rel_lift_ci_high            double precision,
    p_value                     double precision,
    incremental_conversions     double precision,
    incremental_orders          double precision,
    incremental_orders_ci_low   double precision,
    incremental_orders_ci_high  double precision,
    incremental_revenue         double precision,
    incremental_revenue_ci_low  double precision,
    incremental_revenue_ci_high double precision,
    spend                       double precision,
    incremental_roas            double precision,
    incremental_roas_ci_low     double precision,
    incremental_roas_ci_high    double precision,
    primary key (ds, campaign_id, segment_type, segment_value)
);

create table marts.campaign_decisions (
    ds                   date not null,
    campaign_id          text not null,
    campaign_name        text not null,
    channel              text not null,
    spend                double precision not null,
    attributed_revenue   double precision not null,
    attributed_roas      double precision,
    incremental_revenue  double precision,
    incremental_roas     double precision,
    incremental_roas_ci_low  double precision,
    incremental_roas_ci_high double precision,
    abs_lift             double precision,
    abs_lift_ci_low      double precision,
    abs_lift_ci_high     double precision,
    p_value              double precision,
    over_attribution     double precision, -- attributed revenue / incremental revenue
    incrementality_rank  integer not null,
    efficiency_flag      text not null,
    recommendation       text not null,
    budget_change        double precision not null,
    reason               text not null,
    primary key (ds, campaign_id)
);
