-- Issue 12: creative and audience insights (`triangulate uplift insights`).

-- The SQL model sql/marts/models/creative_stats.sql: delivery and the creative split of each
-- campaign's experiment, per creative.
create table marts.creative_stats (
    ds                    date not null,
    campaign_id           text not null,
    creative_id           text not null,
    format                text not null,
    primary_tag           text not null,
    secondary_tag         text not null,
    call_to_action        text not null,
    length_seconds        integer not null,
    headline_words        integer not null,
    headline_has_discount boolean not null,
    impressions           bigint not null,
    clicks                bigint not null,
    clickers              bigint not null,
    treated_members       bigint not null,
    control_members       bigint not null,
    treated_converters    bigint not null,
    control_converters    bigint not null,
    treated_orders        bigint not null,
    control_orders        bigint not null,
    primary key (ds, campaign_id, creative_id)
);

-- Per creative: CTR, CVR (converting share of its treated members) and lift (treated minus control
-- conversion rate of its members) with 95% intervals; the comparison with the campaign's other
-- creatives (Holm-adjusted within the campaign) and the verdict; the campaign's rotation advice.
create table marts.creative_insights (
    ds                 date not null,
    campaign_id        text not null,
    creative_id        text not null,
    impressions        bigint not null,
    clicks             bigint not null,
    ctr                double precision,
    ctr_low            double precision,
    ctr_high           double precision,
    treated_members    bigint not null,
    control_members    bigint not null,
    cvr                double precision,
    cvr_low            double precision,
    cvr_high           double precision,
    abs_lift           double precision,
    abs_lift_low       double precision,
    abs_lift_high      double precision,
    relative_lift      double precision,
    ctr_vs_rest_p      double precision,
    ctr_vs_rest_p_adj  double precision,
    lift_vs_rest       double precision,      -- this creative's lift minus the rest of the campaign's
    lift_vs_rest_p     double precision,
    lift_vs_rest_p_adj double precision,
    verdict            text not null,         -- winner, loser, ctr_winner, ctr_loser or no_difference
    rotate_to          text,                  -- the campaign's recommended creative, null = keep the rotation
    recommendation     text not null,         -- the campaign's advice, in words
    primary key (ds, campaign_id, creative_id)
);

-- Creative features' effects, from ridge regressions with 95% intervals (HC0 sandwich): on log CTR
-- (creative level, within campaign) and on the absolute lift (member level, treatment × feature
-- within campaign and arm).
create table marts.creative_feature_effects (
    ds          date not null,
    metric      text not null,                -- log_ctr or abs_lift
    feature     text not null,                -- e.g. call_to_action=Get the offer (vs the reference level)
    estimate    double precision not null,
    ci_low      double precision not null,
    ci_high     double precision not null,
    lambda      double precision not null,
    primary key (ds, metric, feature)
);

-- Members clustered by purchase behaviour (k-means on standardised features); per cluster and
-- campaign (and pooled over campaigns, campaign_id 'all'): lift with a 95% interval and the advice.
create table marts.audience_insights (
    ds                  date not null,
    campaign_id         text not null,
    cluster             integer not null,
    label               text not null,          -- the cluster's profile, in words
    members             bigint not null,
    treated_members     bigint not null,
    control_members     bigint not null,
    rate_treated        double precision,
    rate_control        double precision,
    abs_lift            double precision,
    abs_lift_low        double precision,
    abs_lift_high       double precision,
    incremental_converters double precision,
    decision            text not null,          -- target, exclude or test_more
    primary key (ds, campaign_id, cluster)
);
