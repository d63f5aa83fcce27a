-- The MMM's media columns for one day, per advertiser and channel: onsite channels from the day's
-- campaign delivery, the advertiser's own buys (linear TV, OOH, streaming) from its spend files.
-- Channels with no spend that day and no delivery have no row: the reader fills zeros.
select
    :ds::date          as ds,
    advertiser_id,
    channel,
    'platform'         as source,
    sum(spend)::double precision as spend,
    sum(impressions)::bigint as impressions,
    sum(clicks)::bigint      as clicks
from marts.fct_campaign_daily
where ds = :ds
group by advertiser_id, channel

union all

select
    :ds::date          as ds,
    advertiser_id,
    channel,
    'brand'            as source,
    sum(spend)         as spend,
    sum(impressions)::bigint as impressions,  -- null when the vendor reports none (OOH)
    null::bigint       as clicks
from staging.stg_mmm_channel_spend
where spend_date = :ds
group by advertiser_id, channel
