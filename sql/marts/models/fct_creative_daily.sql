-- Daily delivery per creative: what the dashboard's creatives page compares within a campaign.
-- Only delivery (impressions, clicks, spend): the experiments randomise campaigns, not creatives,
-- so no causal number exists per creative. Events without a creative id are left out.
with delivery as (
    select
        creative_id,
        campaign_id,
        count(*) filter (where event_type = 'impression') as impressions,
        count(*) filter (where event_type = 'click')      as clicks,
        sum(cost)                                         as spend
    from staging.stg_ad_events
    where event_date = :ds
      and creative_id is not null
      and event_type in ('impression', 'click')
    group by creative_id, campaign_id
)

select
    :ds::date                                                   as ds,
    d.creative_id,
    d.campaign_id,
    c.channel,
    coalesce(cr.creative_name, 'unknown ' || d.creative_id)     as creative_name,
    cr.format,
    d.impressions,
    d.clicks,
    d.spend,
    d.clicks::double precision / nullif(d.impressions, 0)       as ctr,
    d.spend / nullif(d.clicks, 0)                               as cpc,
    1000 * d.spend / nullif(d.impressions, 0)                   as cpm
from delivery d
join staging.stg_campaigns c on c.campaign_id = d.campaign_id
left join staging.stg_creatives cr on cr.creative_id = d.creative_id
