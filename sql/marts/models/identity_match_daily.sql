-- Match rate per source and id kind for the day: the share of rows whose id resolves, with the
-- identity graph as of :ds, to a member (a household or device: to at least one linked member).
-- Member-keyed rows match by definition and are listed for completeness.
with latest as (
    -- every node the day's rows use, with its latest resolution
    select n.source, n.id_kind, n.node, r.member_id, r.household_id
    from (
        select 'tv_airings' as source, 'household' as id_kind, 'household:' || household_id as node
        from staging.stg_tv_airings where exposure_date = :ds
        union all
        select 'streaming_impressions', case when device_id is not null then 'device' else 'streaming_user' end,
               case when device_id is not null then 'device:' || device_id else 'streaming_user:' || user_id end
        from staging.stg_streaming_impressions where stream_date = :ds
        union all
        select 'web_visits', 'cookie', 'cookie:' || cookie_id
        from staging.stg_web_visits where visit_date = :ds
        union all
        select 'web_purchases', case when member_id is not null then 'member' else 'cookie' end,
               case when member_id is not null then 'member:' || member_id else 'cookie:' || cookie_id end
        from staging.stg_web_purchases where purchase_date = :ds
        union all
        select 'ad_events', 'member', 'member:' || member_id
        from staging.stg_ad_events where event_date = :ds and event_type in ('impression', 'click')
        union all
        select 'transactions', 'member', 'member:' || member_id
        from staging.stg_transactions where order_date = :ds
    ) n
    left join lateral (
        select member_id, household_id
        from marts.identity_resolution r
        where r.node = n.node
          and r.ds <= :ds
        order by r.ds desc
        limit 1
    ) r on true
),

households_with_members as (
    select distinct r.household_id
    from marts.identity_resolution r
    where r.id_type = 'member'
      and r.ds <= :ds
      and r.household_id in (
          select substr(node, 11) from latest where id_kind = 'household'
          union
          select household_id from latest where id_kind = 'device')
      -- the member's latest row as of :ds, probed by index (a NOT EXISTS is hashed over all history)
      and r.ds = (
          select latest.ds
          from marts.identity_resolution latest
          where latest.node = r.node
            and latest.ds <= :ds
          order by latest.ds desc
          limit 1)
)

select
    :ds::date as ds,
    l.source,
    l.id_kind,
    count(*)  as rows,
    count(*) filter (where case l.id_kind
        when 'member' then true
        when 'household' then substr(l.node, 11) in (select household_id from households_with_members)
        when 'device' then l.household_id in (select household_id from households_with_members)
        else l.member_id is not null end) as matched_rows,
    (count(*) filter (where case l.id_kind
        when 'member' then true
        when 'household' then substr(l.node, 11) in (select household_id from households_with_members)
        when 'device' then l.household_id in (select household_id from households_with_members)
        else l.member_id is not null end))::double precision / count(*) as match_rate
from latest l
group by l.source, l.id_kind
