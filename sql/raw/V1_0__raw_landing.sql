-- Raw landing tables: one per source file kind, loaded with COPY by `triangulate load`.
-- Columns mirror the documented CSV formats (README, "Input formats"); load_ds is the data
-- interval whose landing folder the row came from, so a reload can replace exactly that interval.

create schema if not exists raw;

-- ---------------------------------------------------------------- dimensions
create table raw.advertisers (
    advertiser_id   text primary key,
    advertiser_name text not null,
    category        text not null,
    load_ds         date not null
);

create table raw.campaigns (
    campaign_id    text primary key,
    advertiser_id  text not null,
    campaign_name  text not null,
    channel        text not null,
    pricing_model  text not null,             -- CPM or CPC
    unit_price     numeric(12, 4) not null,    -- per thousand impressions (CPM) or per click (CPC)
    daily_budget   numeric(14, 2) not null,
    start_date     date not null,
    end_date       date not null,
    holdout_share  numeric(6, 4) not null,     -- share of the audience randomized to control
    load_ds        date not null
);

create table raw.creatives (
    creative_id   text primary key,
    campaign_id   text not null,
    creative_name text,                        -- may be missing in real exports
    format        text not null,
    headline      text,
    tags          text,                        -- '|'-separated
    load_ds       date not null
);

create table raw.members (
    member_id    text primary key,
    region       text not null,
    age_band     text not null,
    loyalty_tier text not null,
    signup_date  date not null,
    load_ds      date not null
);

create table raw.experiment_assignments (
    campaign_id   text not null,
    member_id     text not null,
    arm           text not null,               -- treatment or control
    assigned_date date not null,
    load_ds       date not null,
    primary key (campaign_id, member_id)
);
create index experiment_assignments_load_ds on raw.experiment_assignments (load_ds);

-- ---------------------------------------------------------------- facts
create table raw.ad_events (
    event_id    text primary key,
    event_ts    timestamptz not null,
    event_type  text not null,                 -- impression, click or ghost_impression
    campaign_id text not null,
    creative_id text,
    member_id   text not null,
    cost        numeric(14, 6) not null,
    load_ds     date not null
);
create index ad_events_load_ds on raw.ad_events (load_ds);
create index ad_events_member_ts on raw.ad_events (member_id, event_ts);

create table raw.transactions (
    order_id      text primary key,
    order_ts      timestamptz not null,
    member_id     text not null,
    advertiser_id text not null,
    revenue       numeric(14, 2) not null,
    items         integer not null,
    load_ds       date not null
);
create index transactions_load_ds on raw.transactions (load_ds);
create index transactions_member_ts on raw.transactions (member_id, order_ts);

-- ---------------------------------------------------------------- load bookkeeping
-- Rows that failed validation: nothing is dropped silently.
create table raw.load_quarantine (
    load_ds  date not null,
    source   text not null,
    file     text not null,
    line     bigint not null,
    field    text,
    reason   text not null,
    raw_text text not null,
    primary key (load_ds, source, line)
);

-- One row per file and interval: rows_read = rows_loaded + rows_quarantined + rows_duplicate.
create table raw.load_reconciliation (
    load_ds          date not null,
    source           text not null,
    file             text not null,
    rows_read        bigint not null,
    rows_loaded      bigint not null,
    rows_quarantined bigint not null,
    rows_duplicate   bigint not null,
    primary key (load_ds, source),
    check (rows_read = rows_loaded + rows_quarantined + rows_duplicate)
);
