-- The market × week panel for geo analysis and the MMM's history (raw.market_weekly and
-- raw.market_spend_weekly, loaded with the simulator's first day or a user's own weekly DMA data).
-- Ids trimmed and upper-cased like every id in staging; channels lower-cased. Repeatable migrations
-- run in name order, before R__staging_views.sql, so this one makes sure the schema exists.

create schema if not exists staging;

create or replace view staging.stg_mmm_market_weekly as
select
    week_start,
    upper(trim(market_id))      as market_id,
    upper(trim(advertiser_id))  as advertiser_id,
    orders::double precision    as orders,
    revenue::double precision   as revenue
from raw.market_weekly;

create or replace view staging.stg_mmm_market_spend_weekly as
select
    week_start,
    upper(trim(market_id))      as market_id,
    upper(trim(advertiser_id))  as advertiser_id,
    lower(trim(channel))        as channel,
    spend::double precision     as spend
from raw.market_spend_weekly;

-- Geo panel: one row per week, market and advertiser with the target and the brand media's spend
-- (the channels a geo test switches on and off per market), plus all media spend.
create or replace view marts.geo_weekly as
select
    t.week_start,
    t.market_id,
    t.advertiser_id,
    t.revenue,
    t.orders,
    coalesce(sum(s.spend) filter (where s.channel = 'linear_tv'), 0) as linear_tv_spend,
    coalesce(sum(s.spend) filter (where s.channel = 'streaming'), 0) as streaming_spend,
    coalesce(sum(s.spend) filter (where s.channel = 'ooh'), 0)       as ooh_spend,
    coalesce(sum(s.spend), 0)                                        as total_spend
from staging.stg_mmm_market_weekly t
left join staging.stg_mmm_market_spend_weekly s
  on s.week_start = t.week_start and s.market_id = t.market_id and s.advertiser_id = t.advertiser_id
group by t.week_start, t.market_id, t.advertiser_id, t.revenue, t.orders;

-- Geo test plans as the advertisers recorded them (raw.geo_test_plans): the latest load of each test
-- id, ids normalised like every id in staging. `geo test` and `geo design --warehouse` read these.
create or replace view staging.stg_geo_test_plans as
select distinct on (upper(trim(test_id)))
    upper(trim(test_id))                         as test_id,
    upper(trim(advertiser_id))                   as advertiser_id,
    lower(trim(channel))                         as channel,
    upper(replace(treated_markets, ' ', ''))     as treated_markets,
    start_week,
    end_week,
    spend_multiplier::double precision           as spend_multiplier,
    planned_spend_change::double precision       as planned_spend_change,
    load_ds
from raw.geo_test_plans
order by upper(trim(test_id)), load_ds desc;
