-- Staging for the marketing mix model: the two raw sources only the MMM's marts read by day.
-- Named stg_mmm_* so they cannot collide with the identity-resolution views of the same raw tables
-- (R__staging_views_cross_platform.sql), which resolve ids the MMM does not need: it only sums money
-- per day and advertiser. Advertiser ids are trimmed and upper-cased like every id in staging.

create or replace view staging.stg_mmm_channel_spend as
select
    -- when and who
    spend_date,
    upper(trim(advertiser_id))  as advertiser_id,
    -- what was bought
    lower(trim(channel))        as channel,
    spend::double precision     as spend,
    impressions
from raw.channel_spend;

create or replace view staging.stg_mmm_web_purchases as
select
    purchase_id,
    upper(trim(advertiser_id))  as advertiser_id,
    -- the load interval is the purchase's UTC day (the loader quarantines rows outside it), indexed
    load_ds                     as purchase_date,
    revenue::double precision   as revenue
from raw.web_purchases;
