-- Cross-platform identity, journeys and the attribution suite.
--
-- SQL models (sql/marts/models/identity_*, journey_*, path_counts), rebuilt per ds by
-- `triangulate attribute --ds` with the parameters of configs/attribution.yaml:
--   identity_edges -> identity_resolution -> journey_touchpoints, journey_conversions,
--   identity_match_daily -> journeys -> path_counts
-- Results the attribute task writes from Java: attribution_* and seed_regression_*.
--
-- Nodes of the identity graph are written 'type:ID' (e.g. 'cookie:K0000001') so that ids of
-- different types can never collide.

-- ---------------------------------------------------------------- identity (SQL models)
-- The day's identity links, normalised (trim, upper-case ids), stored in both directions so that a
-- graph walk follows one index.
create table marts.identity_edges (
    ds          date not null,   -- load day of the link
    node_a      text not null,
    node_b      text not null,
    link_source text not null,
    primary key (ds, node_a, node_b)
);
create index identity_edges_node_a on marts.identity_edges (node_a, ds);

-- The resolution of every node whose connected component changed on ds (a new link touched it or
-- its component). A node's resolution as of day D is its row with the largest ds <= D; a node with
-- no row was never linked and stands for itself.
-- Person-level ids (member, cookie, streaming_user) form components over links among themselves;
-- household-level ids (household, device) never merge persons: a household's links attach it to
-- its members, a device's to its household.
create table marts.identity_resolution (
    ds                date not null,
    node              text not null,
    id_type           text not null,
    person_key        text,            -- person-level ids: the component's member id, else its smallest node
    member_id         text,            -- the component's member (smallest if several); null when none
    household_id      text,            -- member's household (person-level) or the device's household
    component_members integer not null, -- members in the component; more than one is a conflict
    component_size    integer not null,
    primary key (ds, node)
);
create index identity_resolution_node on marts.identity_resolution (node, ds);
create index identity_resolution_household on marts.identity_resolution (household_id, ds) where id_type = 'member';

-- Touchpoints of the day resolved to persons with the graph as of the day. A household's TV
-- exposure (directly, or through one of its shared devices) is one touchpoint for each member
-- linked to the household; household exposure with no linked member cannot reach any purchase and
-- is counted as unmatched in identity_match_daily but not kept here.
create table marts.journey_touchpoints (
    ds            date not null,
    person_key    text not null,
    resolved      boolean not null,  -- the person is a known member
    advertiser_id text not null,
    touch_ts      timestamptz not null,
    channel       text not null,     -- onsite_search … email, linear_tv, streaming, web_<traffic source>
    campaign_id   text,              -- platform campaigns only
    touch_type    text not null,     -- impression, click, airing, streaming_impression, visit
    source_id     text not null      -- event, exposure, log or visit id
);
create index journey_touchpoints_ds on marts.journey_touchpoints (ds);
create index journey_touchpoints_person on marts.journey_touchpoints (person_key, advertiser_id, touch_ts);

-- Conversions of the day: platform transactions (by member) and web purchases (member, else cookie).
create table marts.journey_conversions (
    ds              date not null,
    conversion_id   text not null,
    source          text not null,   -- transactions or web_purchases
    person_key      text not null,
    resolved        boolean not null,
    advertiser_id   text not null,
    conversion_ts   timestamptz not null,
    value           double precision not null,
    primary key (ds, conversion_id, source)
);
create index journey_conversions_person on marts.journey_conversions (person_key, advertiser_id, conversion_ts);

-- Match rate per source and day: rows whose id resolves to a member.
create table marts.identity_match_daily (
    ds            date not null,
    source        text not null,
    id_kind       text not null,     -- the id type the source is keyed by
    rows          bigint not null,
    matched_rows  bigint not null,
    match_rate    double precision,
    primary key (ds, source, id_kind)
);

-- One row per journey that ended on ds: a conversion with the person's touchpoints of the same
-- advertiser within the lookback before it (after their previous conversion), or a journey without
-- conversion whose last touch is lookback days old.
create table marts.journeys (
    ds             date not null,
    person_key     text not null,
    resolved       boolean not null,
    advertiser_id  text not null,
    journey_end    timestamptz not null,    -- the conversion, or the last touch
    conversion_id  text,                    -- null: no conversion
    value          double precision not null,
    touches        integer not null,
    channels       text[] not null,         -- in time order
    labels         text[] not null,         -- campaign id where the touch was a campaign, else channel
    ages_days      double precision[] not null -- days between each touch and the journey's end
);
create index journeys_ds on marts.journeys (ds);

-- Distinct paths of the day's journeys, ready for the models: path 'a > b', whole days before the
-- journey's end per touch 'n > m', conversions, value and nulls. level: channel or campaign.
create table marts.path_counts (
    ds                     date not null,
    level                  text not null,
    path                   text not null,
    days_before_conversion text not null,
    conversions            bigint not null,
    value                  double precision not null,
    nulls                  bigint not null,
    primary key (ds, level, path, days_before_conversion)
);

-- ---------------------------------------------------------------- results of `triangulate attribute`
-- What the models ran on.
create table marts.attribution_runs (
    ds               date not null,
    level            text not null,
    window_start     date not null,
    paths            bigint not null,
    conversions      double precision not null,
    value            double precision not null,
    nulls            double precision not null,
    data_driven_auc  double precision,
    notes            text,
    primary key (ds, level)
);

-- Credit per model and channel (level channel) or campaign (level campaign; touches that are not
-- platform campaigns keep their channel as label).
create table marts.attribution_credit (
    ds          date not null,
    level       text not null,
    model       text not null,
    label       text not null,
    conversions double precision not null,
    value       double precision not null,
    share       double precision not null,
    primary key (ds, level, model, label)
);

create table marts.attribution_removal_effects (
    ds                date not null,
    level             text not null,
    markov_order      integer not null,
    label             text not null,
    removal_effect    double precision not null,  -- share of conversions lost without the label
    value_removal_effect double precision not null,
    primary key (ds, level, markov_order, label)
);

create table marts.attribution_transitions (
    ds           date not null,
    level        text not null,
    markov_order integer not null,
    from_state   text not null,
    to_state     text not null,
    probability  double precision not null,
    primary key (ds, level, markov_order, from_state, to_state)
);

-- Each model's credit beside the experiment's incremental orders and revenue (marts.experiment_lift,
-- segment 'all'), per campaign and per channel (sum over its experimented campaigns).
create table marts.attribution_vs_experiment (
    ds                          date not null,
    scope                       text not null,  -- campaign or channel
    scope_id                    text not null,  -- campaign id or channel
    channel                     text not null,
    model                       text not null,
    credited_conversions        double precision not null,
    credited_value              double precision not null,
    incremental_orders          double precision,
    incremental_orders_ci_low   double precision,
    incremental_orders_ci_high  double precision,
    incremental_revenue         double precision,
    incremental_revenue_ci_low  double precision,
    incremental_revenue_ci_high double precision,
    attribution_ratio           double precision,  -- credited conversions / incremental orders
    calibration_factor          double precision,  -- incremental orders / credited conversions
    value_calibration_factor    double precision,  -- incremental revenue / credited value
    abs_error                   double precision,  -- |credited conversions - incremental orders|
    within_interval             boolean,           -- credit inside the experiment's interval
    closest                     boolean not null,  -- the model nearest the experiment here
    primary key (ds, scope, scope_id, model)
);

-- How far each model is from the experiments over all experimented campaigns.
create table marts.attribution_model_scores (
    ds                 date not null,
    model              text not null,
    campaigns          integer not null,
    mean_abs_error     double precision,
    credited_total     double precision not null,
    incremental_total  double precision,
    attribution_ratio  double precision,
    within_interval    integer not null,
    rank               integer not null,
    primary key (ds, model)
);

-- ---------------------------------------------------------------- seed analysis (OLS)
create table marts.seed_regression_fit (
    ds             date not null primary key,
    observations   bigint not null,
    predictors     integer not null,
    r_squared      double precision,
    adj_r_squared  double precision,
    residual_se    double precision,
    f_statistic    double precision,
    half_life_days double precision not null
);

create table marts.seed_regression_terms (
    ds          date not null,
    term        text not null,
    position    integer not null,
    coefficient double precision,
    std_error   double precision,
    ci_low      double precision,
    ci_high     double precision,
    t_value     double precision,
    p_value     double precision,
    vif         double precision,   -- null for the intercept
    primary key (ds, term)
);

-- Residual quantiles against standard-normal quantiles (a Q-Q plot's points).
create table marts.seed_regression_qq (
    ds          date not null,
    probability double precision not null,
    theoretical double precision not null,
    residual    double precision not null,
    primary key (ds, probability)
);
