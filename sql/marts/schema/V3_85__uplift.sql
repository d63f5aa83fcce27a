-- Issue 12: uplift models per campaign (`triangulate uplift run`).

-- One row per member in a campaign's experiment population (exposed in treatment, ghost-exposed in
-- control) as of `ds`: the arm, the outcome over the member's window so far and the features the
-- learners use, all known before the first exposure. Built by the uplift step from
-- sql/marts/models/uplift_features.sql; the step keeps only its latest `ds`.
create table marts.uplift_features (
    ds                     date not null,
    campaign_id            text not null,
    member_id              text not null,
    treated                integer not null,          -- 1 treatment, 0 control
    converted              integer not null,          -- >= 1 order of the advertiser in the window
    orders                 integer not null,
    region                 text not null,
    age_band               text not null,
    loyalty_tier           text not null,
    device                 text not null,
    tenure_days            integer not null,          -- signup to first exposure
    pre_orders             integer not null,          -- the advertiser's orders in the CUPED pre-period
    history_orders         integer not null,          -- all advertisers' orders before the first exposure
    history_orders_advertiser integer not null,       -- the advertiser's orders before the first exposure
    history_revenue        double precision not null,
    primary key (ds, campaign_id, member_id)
);

-- Per campaign and learner: the holdout metrics and the "treat the top k%" policy.
create table marts.uplift_results (
    ds                      date not null,
    campaign_id             text not null,
    learner                 text not null,           -- s, t, x, dr
    base_model              text not null,           -- logistic or gbt
    members                 integer not null,
    train_rows              integer not null,
    holdout_rows            integer not null,
    qini                    double precision not null,
    auuc                    double precision not null,
    uplift_at_k             double precision not null,
    top_k                   double precision not null,
    policy_reach            double precision not null,  -- members treated by the policy (k × members)
    policy_uplift           double precision not null,  -- holdout Δ conversion within the top k
    policy_incremental      double precision not null,  -- expected incremental converters of the policy
    policy_incremental_low  double precision not null,
    policy_incremental_high double precision not null,
    random_incremental      double precision not null,  -- random targeting at the same reach
    gain_over_random        double precision,           -- null when random targeting gains nothing
    best                    boolean not null,           -- the campaign's learner with the highest holdout Qini
    primary key (ds, campaign_id, learner)
);

create table marts.uplift_deciles (
    ds             date not null,
    campaign_id    text not null,
    learner        text not null,
    decile         integer not null,
    n_treated      integer not null,
    n_control      integer not null,
    rate_treated   double precision,
    rate_control   double precision,
    uplift         double precision,
    std_uplift     double precision,
    mean_predicted double precision not null,
    primary key (ds, campaign_id, learner, decile)
);

create table marts.uplift_qini_curve (
    ds          date not null,
    campaign_id text not null,
    learner     text not null,
    share       double precision not null,
    n           integer not null,
    qini        double precision not null,
    random      double precision not null,
    primary key (ds, campaign_id, learner, share)
);

-- Every member's predicted uplift per learner (internal: member ids never leave the warehouse in
-- clear). `holdout` marks the rows the learner did not train on.
create table marts.uplift_scores (
    ds               date not null,
    campaign_id      text not null,
    learner          text not null,
    member_id        text not null,
    holdout          boolean not null,
    predicted_uplift double precision not null,
    primary key (ds, campaign_id, learner, member_id)
);
