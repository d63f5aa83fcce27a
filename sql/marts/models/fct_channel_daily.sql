-- Channel roll-up of the day's campaign KPIs (built after fct_campaign_daily in the same transaction).
select
    ds,
    channel,
    count(*)                as campaigns,
    sum(impressions)        as impressions,
    sum(clicks)             as clicks,
    sum(spend)              as spend,
    sum(attributed_orders)  as attributed_orders,
    sum(attributed_revenue) as attributed_revenue,
    sum(clicks)::double precision / nullif(sum(impressions), 0)           as ctr,
    sum(attributed_orders)::double precision / nullif(sum(clicks), 0)     as cvr,
    sum(spend)::double precision / nullif(sum(clicks), 0)                 as cpc,
    1000 * sum(spend)::double precision / nullif(sum(impressions), 0)     as cpm,
    sum(spend)::double precision / nullif(sum(attributed_orders), 0)      as cpo,
    sum(attributed_revenue)::double precision / nullif(sum(spend), 0)     as roas
from marts.fct_campaign_daily
where ds = :ds
group by ds, channel
