-- Per campaign and creative, as of :ds: delivery (impressions, clicks, clicking members) and the
-- experiment split by creative. Every audience member is shown one creative throughout (the
-- platform's creative split), and a control member's ghost impressions log the creative it would
-- have seen, so treated and control members of the same creative are a randomised comparison: the
-- creative's own lift. Outcomes come from marts.uplift_features of the same :ds (built first).
with member_creative as (
    select e.campaign_id, e.member_id, min(e.creative_id) as creative_id
    from staging.stg_ad_events e
    where e.event_type in ('impression', 'ghost_impression')
      and e.creative_id is not null
      and e.event_date <= :ds
    group by e.campaign_id, e.member_id
),

delivery as (
    select e.campaign_id, e.creative_id,
           count(*) filter (where e.event_type = 'impression')                  as impressions,
           count(*) filter (where e.event_type = 'click')                       as clicks,
           count(distinct e.member_id) filter (where e.event_type = 'click')    as clickers
    from staging.stg_ad_events e
    where e.creative_id is not null
      and e.event_date <= :ds
    group by e.campaign_id, e.creative_id
),

outcomes as (
    select f.campaign_id, mc.creative_id,
           count(*) filter (where f.treated = 1)                           as treated_members,
           count(*) filter (where f.treated = 0)                           as control_members,
           coalesce(sum(f.converted) filter (where f.treated = 1), 0)      as treated_converters,
           coalesce(sum(f.converted) filter (where f.treated = 0), 0)      as control_converters,
           coalesce(sum(f.orders) filter (where f.treated = 1), 0)         as treated_orders,
           coalesce(sum(f.orders) filter (where f.treated = 0), 0)         as control_orders
    from marts.uplift_features f
    join member_creative mc on mc.campaign_id = f.campaign_id and mc.member_id = f.member_id
    where f.ds = :ds
    group by f.campaign_id, mc.creative_id
)

select
    :ds::date                                as ds,
    c.campaign_id,
    c.creative_id,
    c.format,
    c.primary_tag,
    c.secondary_tag,
    c.call_to_action,
    c.length_seconds,
    c.headline_words,
    c.headline_has_discount,
    coalesce(d.impressions, 0)::bigint       as impressions,
    coalesce(d.clicks, 0)::bigint            as clicks,
    coalesce(d.clickers, 0)::bigint          as clickers,
    coalesce(o.treated_members, 0)::bigint   as treated_members,
    coalesce(o.control_members, 0)::bigint   as control_members,
    coalesce(o.treated_converters, 0)::bigint as treated_converters,
    coalesce(o.control_converters, 0)::bigint as control_converters,
    coalesce(o.treated_orders, 0)::bigint    as treated_orders,
    coalesce(o.control_orders, 0)::bigint    as control_orders
from staging.stg_creative_features c
join staging.stg_campaigns k on k.campaign_id = c.campaign_id and k.start_date <= :ds
left join delivery d on d.campaign_id = c.campaign_id and d.creative_id = c.creative_id
left join outcomes o on o.campaign_id = c.campaign_id and o.creative_id = c.creative_id
