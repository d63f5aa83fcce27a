-- The MMM's target and calendar controls for one day, per advertiser: every order, on the platform
-- and on the advertiser's own web site, ad-driven or not. One row per advertiser even on a day
-- without orders, so a zero is a zero and not a gap.
with platform as (
    select advertiser_id, count(*) as orders, sum(revenue) as revenue
    from staging.stg_transactions
    where order_date = :ds
    group by advertiser_id
),

web as (
    select advertiser_id, count(*) as orders, sum(revenue) as revenue
    from staging.stg_mmm_web_purchases
    where purchase_date = :ds
    group by advertiser_id
)

select
    :ds::date                                             as ds,
    a.advertiser_id,
    coalesce(p.orders, 0)                                 as platform_orders,
    coalesce(p.revenue, 0)                                as platform_revenue,
    coalesce(w.orders, 0)                                 as web_orders,
    coalesce(w.revenue, 0)                                as web_revenue,
    coalesce(p.orders, 0) + coalesce(w.orders, 0)         as orders,
    coalesce(p.revenue, 0) + coalesce(w.revenue, 0)       as revenue,
    extract(isodow from :ds::date)::smallint              as day_of_week,
    extract(isodow from :ds::date) >= 6                   as is_weekend
from staging.stg_advertisers a
left join platform p on p.advertiser_id = a.advertiser_id
left join web w on w.advertiser_id = a.advertiser_id
