-- Staging for the cross-platform sources (raw.identity_links, tv_airings, streaming_impressions,
-- web_visits, web_purchases, channel_spend). Vendors write ids inconsistently (stray whitespace,
-- lower case): every id is trimmed and upper-cased, every id type and channel trimmed and
-- lower-cased, so 'k0000001 ' and 'K0000001' are the same cookie. Dates are the load interval, as
-- in R__staging_views.sql (indexed, and equal to the UTC day of the timestamp).

create or replace view staging.stg_identity_links as
select
    upper(trim(id_a))      as id_a,
    lower(trim(id_a_type)) as id_a_type,
    upper(trim(id_b))      as id_b,
    lower(trim(id_b_type)) as id_b_type,
    lower(trim(link_source)) as link_source,
    observed_date,
    load_ds                as link_date
from raw.identity_links;

create or replace view staging.stg_tv_airings as
select
    exposure_id,
    upper(trim(household_id))  as household_id,
    upper(trim(advertiser_id)) as advertiser_id,
    network,
    aired_ts,
    load_ds                    as exposure_date,
    coalesce(nullif(trim(creative_name), ''), 'unnamed') as creative_name,
    creative_name is null or trim(creative_name) = ''    as creative_name_missing
from raw.tv_airings;

-- Streaming impressions without the vendor's re-logs. Rule: rows with the same device id, user id,
-- advertiser, creative name and second of event_ts are one impression; the row with the lowest
-- log_id is kept (its cost counts once). The day (load_ds) is part of the partition so that a
-- filter on stream_date is pushed below the window function and reads one day's rows.
create or replace view staging.stg_streaming_impressions as
select log_id, device_id, user_id, advertiser_id, creative_name, event_ts, stream_date, cost
from (
    select
        log_id,
        upper(nullif(trim(device_id), ''))  as device_id,
        upper(nullif(trim(user_id), ''))    as user_id,
        upper(trim(advertiser_id))          as advertiser_id,
        coalesce(nullif(trim(creative_name), ''), 'unnamed') as creative_name,
        event_ts,
        load_ds                             as stream_date,
        cost::double precision              as cost,
        row_number() over (
            partition by load_ds, upper(nullif(trim(device_id), '')), upper(nullif(trim(user_id), '')),
                         upper(trim(advertiser_id)), nullif(trim(creative_name), ''), date_trunc('second', event_ts)
            order by log_id) as copy_number
    from raw.streaming_impressions
) s
where copy_number = 1;

create or replace view staging.stg_web_visits as
select
    visit_id,
    upper(trim(cookie_id))      as cookie_id,
    visit_ts,
    load_ds                     as visit_date,
    upper(trim(advertiser_id))  as advertiser_id,
    lower(trim(traffic_source)) as traffic_source,
    upper(nullif(trim(campaign_id), '')) as campaign_id
from raw.web_visits;

create or replace view staging.stg_web_purchases as
select
    purchase_id,
    purchase_ts,
    load_ds                             as purchase_date,
    upper(nullif(trim(cookie_id), ''))  as cookie_id,
    upper(nullif(trim(member_id), ''))  as member_id,
    upper(trim(advertiser_id))          as advertiser_id,
    revenue::double precision           as revenue
from raw.web_purchases;
