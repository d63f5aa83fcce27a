-- The executive summary: the whole platform's day, with the share of all revenue that ads claim.
with campaigns as (
    select
        count(*) filter (where impressions > 0) as active_campaigns,
        coalesce(sum(impressions), 0)        as impressions,
        coalesce(sum(clicks), 0)             as clicks,
        coalesce(sum(spend), 0)              as spend,
        coalesce(sum(attributed_orders), 0)  as attributed_orders,
        coalesce(sum(attributed_revenue), 0) as attributed_revenue
    from marts.fct_campaign_daily
    where ds = :ds
),

sales as (
    select
        count(*)                  as total_orders,
        coalesce(sum(revenue), 0) as total_revenue,
        count(distinct member_id) as buyers
    from staging.stg_transactions
    where order_date = :ds
)

select
    :ds::date as ds,
    c.active_campaigns,
    c.impressions,
    c.clicks,
    c.spend,
    c.attributed_orders,
    c.attributed_revenue,
    s.total_orders,
    s.total_revenue,
    s.buyers,
    c.clicks::double precision / nullif(c.impressions, 0)               as ctr,
    1000 * c.spend::double precision / nullif(c.impressions, 0)         as cpm,
    c.attributed_revenue::double precision / nullif(c.spend, 0)         as roas,
    c.attributed_revenue::double precision / nullif(s.total_revenue, 0) as attributed_share_of_revenue
from campaigns c
cross join sales s
