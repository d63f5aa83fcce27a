-- The day's touchpoints, each resolved to a person with the identity graph as of :ds (a node's
-- latest identity_resolution row; a node never linked stands for itself):
-- * platform ad events: impressions and clicks (ghost impressions are a control arm's logged
--   opportunities, not touchpoints), by member;
-- * linear TV airings by household, and streaming impressions on a shared device (resolved to its
--   household): one touchpoint for each member linked to the household. Household exposure with no
--   linked member can reach no purchase and is left out (identity_match_daily counts it);
-- * streaming impressions by streaming user, and web visits by cookie: the node's person, a member
--   or, when the component has none, the unresolved component itself.
-- Ids linked only on a later day keep their own key here: a touchpoint is resolved as of its day.
with ad_touches as (
    select
        'member:' || e.member_id as node, e.advertiser_id, e.event_ts as touch_ts, c.channel, e.campaign_id,
        e.event_type as touch_type, e.event_id as source_id
    from staging.stg_ad_events e
    join staging.stg_campaigns c on c.campaign_id = e.campaign_id
    where e.event_date = :ds
      and e.event_type in ('impression', 'click')
),

streaming as (
    select log_id, device_id, user_id, advertiser_id, event_ts
    from staging.stg_streaming_impressions
    where stream_date = :ds
),

person_touches as (
    select node, advertiser_id, touch_ts, channel, campaign_id, touch_type, source_id from ad_touches
    union all
    select 'streaming_user:' || user_id, advertiser_id, event_ts, 'streaming', null, 'streaming_impression', log_id
    from streaming
    where device_id is null
    union all
    select 'cookie:' || cookie_id, advertiser_id, visit_ts, 'web_' || traffic_source, null, 'visit', visit_id
    from staging.stg_web_visits
    where visit_date = :ds
),

household_touches as (
    select household_id, advertiser_id, aired_ts as touch_ts, 'linear_tv' as channel, 'airing' as touch_type,
           exposure_id as source_id
    from staging.stg_tv_airings
    where exposure_date = :ds
    union all
    select r.household_id, s.advertiser_id, s.event_ts, 'streaming', 'streaming_impression', s.log_id
    from streaming s
    cross join lateral (
        select household_id
        from marts.identity_resolution r
        where r.node = 'device:' || s.device_id
          and r.ds <= :ds
        order by r.ds desc
        limit 1
    ) r
    where s.device_id is not null
      and r.household_id is not null
),

household_persons as (
    select distinct r.household_id, r.person_key
    from marts.identity_resolution r
    where r.id_type = 'member'
      and r.ds <= :ds
      and r.household_id in (select household_id from household_touches)
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
    :ds::date                                        as ds,
    coalesce(r.person_key, case when t.node like 'member:%' then substr(t.node, 8) else t.node end) as person_key,
    t.node like 'member:%' or r.member_id is not null as resolved,
    t.advertiser_id,
    t.touch_ts,
    t.channel,
    t.campaign_id,
    t.touch_type,
    t.source_id
from person_touches t
left join lateral (
    select person_key, member_id
    from marts.identity_resolution r
    where r.node = t.node
      and r.ds <= :ds
    order by r.ds desc
    limit 1
) r on true
union all
select
    :ds::date,
    p.person_key,
    true,
    h.advertiser_id,
    h.touch_ts,
    h.channel,
    null,
    h.touch_type,
    h.source_id
from household_touches h
join household_persons p on p.household_id = h.household_id
