-- Daily delivery and last-touch KPIs per campaign.
-- Last touch: an order is credited to the member's most recent click on one of the advertiser's
-- campaigns within :click_window_days before it, else to the most recent impression within
-- :view_window_days. This is what an ad platform reports; experiments measure what it caused.
with delivery as (
    select
        campaign_id,
        count(*) filter (where event_type = 'impression')                    as impressions,
        count(*) filter (where event_type = 'click')                         as clicks,
        sum(cost)                                                            as spend,
        count(distinct member_id) filter (where event_type = 'impression')   as reached_members
    from staging.stg_ad_events
    where event_date = :ds
    group by campaign_id
),

orders as (
    select order_id, member_id, advertiser_id, order_ts, revenue
    from staging.stg_transactions
    where order_date = :ds
),

-- Events are loaded on their UTC day (event_date = load_ds) and orders on theirs, so a touch at most
-- :click_window_days before an order of :ds lies on one of the days :ds - :click_window_days … :ds.
-- Bounding the scan by those days lets it read the window's blocks by the load_ds index and hash
-- them by member, instead of probing a (member_id, event_ts) B-tree that every COPY would maintain.
candidate_touches as (
    select o.order_id, o.revenue, e.campaign_id, e.event_type, e.event_ts
    from orders o
    join staging.stg_ad_events e
      on e.member_id = o.member_id
     and e.advertiser_id = o.advertiser_id
     and e.event_ts <= o.order_ts
     and e.event_ts > o.order_ts - make_interval(days => :click_window_days::int)
    where e.event_date between :ds::date - :click_window_days::int and :ds::date
      and ((e.event_type = 'click')
        or (e.event_type = 'impression' and e.event_ts > o.order_ts - make_interval(days => :view_window_days::int)))
),

last_touch as (
    select distinct on (order_id) order_id, revenue, campaign_id
    from candidate_touches
    order by order_id, (event_type = 'click') desc, event_ts desc, campaign_id
),

attributed as (
    select campaign_id, count(*) as attributed_orders, sum(revenue) as attributed_revenue
    from last_touch
    group by campaign_id
)

select
    :ds::date                                   as ds,
    c.campaign_id,
    c.advertiser_id,
    c.campaign_name,
    c.channel,
    coalesce(d.impressions, 0)                  as impressions,
    coalesce(d.clicks, 0)                       as clicks,
    coalesce(d.spend, 0)                        as spend,
    coalesce(d.reached_members, 0)              as reached_members,
    coalesce(a.attributed_orders, 0)            as attributed_orders,
    coalesce(a.attributed_revenue, 0)           as attributed_revenue,
    d.clicks::double precision / nullif(d.impressions, 0)        as ctr,
    a.attributed_orders::double precision / nullif(d.clicks, 0)  as cvr,
    d.spend / nullif(d.clicks, 0)                                as cpc,
    1000 * d.spend / nullif(d.impressions, 0)                    as cpm,
    d.spend / nullif(a.attributed_orders, 0)                     as cpo,
    a.attributed_revenue / nullif(d.spend, 0)                    as roas
from staging.stg_campaigns c
left join delivery d on d.campaign_id = c.campaign_id
left join attributed a on a.campaign_id = c.campaign_id
where (:ds between c.start_date and c.end_date)
   or d.campaign_id is not null
   or a.campaign_id is not null
