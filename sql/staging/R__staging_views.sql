-- Staging: one view per raw table. Rename, cast, normalise to UTC; no business aggregation.
-- Uniqueness of ids is enforced at load (raw primary keys; repeats are counted as duplicates in
-- raw.load_reconciliation), so the views need no DISTINCT and keep raw's indexes usable.
-- Event and order dates are the load interval: the loader quarantines any row whose timestamp is
-- not inside its interval's UTC day, so `load_ds` equals the UTC date and, unlike an expression on
-- the timestamp, is indexed: a day's models read that day's rows, not all history.

create schema if not exists staging;

create or replace view staging.stg_advertisers as
select
    advertiser_id,
    advertiser_name,
    category
from raw.advertisers;

create or replace view staging.stg_campaigns as
select
    -- ids
    campaign_id,
    advertiser_id,
    -- descriptive
    campaign_name,
    channel,
    -- pricing and budget
    pricing_model,
    unit_price::double precision   as unit_price,
    daily_budget::double precision as daily_budget,
    -- flight and experiment design
    start_date,
    end_date,
    holdout_share::double precision as holdout_share
from raw.campaigns;

create or replace view staging.stg_creatives as
select
    creative_id,
    campaign_id,
    coalesce(nullif(trim(creative_name), ''), 'unnamed ' || creative_id) as creative_name,
    creative_name is null or trim(creative_name) = ''                    as creative_name_missing,
    format,
    headline,
    coalesce(string_to_array(tags, '|'), '{}')                           as tags
from raw.creatives;

create or replace view staging.stg_members as
select
    member_id,
    lower(region)       as region,
    age_band,
    lower(loyalty_tier) as loyalty_tier,
    signup_date
from raw.members;

create or replace view staging.stg_experiment_assignments as
select
    campaign_id,
    member_id,
    arm,
    assigned_date
from raw.experiment_assignments;

create or replace view staging.stg_ad_events as
select
    -- ids
    e.event_id,
    e.campaign_id,
    c.advertiser_id,
    e.creative_id,
    e.member_id,
    -- when (UTC)
    e.event_ts,
    e.load_ds                             as event_date,
    -- what
    e.event_type,
    e.cost::double precision              as cost
from raw.ad_events e
join raw.campaigns c on c.campaign_id = e.campaign_id;

create or replace view staging.stg_transactions as
select
    order_id,
    member_id,
    advertiser_id,
    order_ts,
    load_ds                             as order_date,
    revenue::double precision           as revenue,
    items,
    revenue                             as revenue_exact -- numeric, for sums that must be exact
from raw.transactions;
