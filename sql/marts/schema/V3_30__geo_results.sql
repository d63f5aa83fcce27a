-- Geo test read-outs (`triangulate geo test`): per geo test in the market history, the synthetic
-- control estimate of its effect on revenue in the treated markets over the test window, with the
-- analysis' two-sided intervals; and the per-week series behind the report's plots. Totals are sums
-- over the treated markets. incremental_spend is treated minus synthetic linear TV spend over the
-- window (negative for a switch-off); iROAS = incremental revenue / incremental spend. Re-running
-- replaces every row.
create table marts.geo_results (
    advertiser_id        text not null,
    channel              text not null,
    treated_markets      text not null,  -- market ids separated by ';'
    start_date           date not null,
    end_date             date not null,
    method               text not null,
    confidence           double precision not null,
    pre_periods          integer not null,
    test_periods         integer not null,
    att                  double precision not null,
    att_low              double precision,
    att_high             double precision,
    incremental_revenue  double precision not null,
    incremental_low      double precision,
    incremental_high     double precision,
    lift                 double precision,
    lift_low             double precision,
    lift_high            double precision,
    incremental_spend    double precision,
    iroas                double precision,
    iroas_low            double precision,
    iroas_high           double precision,
    pre_r_squared        double precision,
    pre_rmse             double precision,
    p_value              double precision,
    primary key (advertiser_id, channel, start_date)
);

create table marts.geo_result_periods (
    advertiser_id    text not null,
    channel          text not null,
    start_date       date not null,
    period           date not null,
    test             boolean not null,
    treated          double precision not null,
    synthetic        double precision not null,
    effect           double precision not null,
    effect_low       double precision,
    effect_high      double precision,
    cumulative       double precision,
    cumulative_low   double precision,
    cumulative_high  double precision,
    primary key (advertiser_id, channel, start_date, period)
);
