-- Journeys that ended on :ds, one row each, per resolved person and advertiser:
-- * converting: each of the day's conversions with the person's touchpoints of the same advertiser
--   in the :lookback_days before it (a touch at the conversion's instant included) and after the
--   person's previous conversion of that advertiser (a conversion ends a journey). A conversion
--   with no touchpoint is kept with an empty path (it counts as a conversion nobody touched);
-- * non-converting: a person whose last touchpoint of an advertiser is on day :ds - :lookback_days
--   and who has neither touched nor converted since (through :ds): those touches can no longer fall
--   in any conversion's lookback. Its path is the touches of the :lookback_days up to the last one,
--   after the previous conversion.
-- At most the :max_touches most recent touches are kept per journey. Ages are days from each touch
-- to the journey's end (the conversion, or the last touch).
with conversions as (
    select c.person_key, c.resolved, c.advertiser_id, c.conversion_ts as journey_end, c.conversion_id, c.value,
           prev.conversion_ts as previous_conversion
    from marts.journey_conversions c
    left join lateral (
        select p.conversion_ts
        from marts.journey_conversions p
        where p.person_key = c.person_key
          and p.advertiser_id = c.advertiser_id
          and p.conversion_ts > c.conversion_ts - make_interval(days => :lookback_days::int)
          and (p.conversion_ts, p.conversion_id, p.source) < (c.conversion_ts, c.conversion_id, c.source)
        order by p.conversion_ts desc
        limit 1
    ) prev on true
    where c.ds = :ds
),

closing as (
    select person_key, advertiser_id, bool_or(resolved) as resolved, max(touch_ts) as last_touch
    from marts.journey_touchpoints
    where ds = :ds::date - :lookback_days::int
    group by person_key, advertiser_id
),

unconverted as (
    select c.person_key, c.resolved, c.advertiser_id, c.last_touch as journey_end, null::text as conversion_id,
           0::double precision as value, prev.conversion_ts as previous_conversion
    from closing c
    left join lateral (
        select p.conversion_ts
        from marts.journey_conversions p
        where p.person_key = c.person_key
          and p.advertiser_id = c.advertiser_id
          and p.conversion_ts > c.last_touch - make_interval(days => :lookback_days::int)
          and p.conversion_ts < c.last_touch
        order by p.conversion_ts desc
        limit 1
    ) prev on true
    -- Probed per person through the (person, advertiser, time) indexes: LIMIT 1 in a lateral join
    -- keeps the planner from hashing every touchpoint ever written (a NOT EXISTS becomes that).
    left join lateral (
        select 1 as found
        from marts.journey_touchpoints t
        where t.person_key = c.person_key
          and t.advertiser_id = c.advertiser_id
          and t.touch_ts > c.last_touch
          and t.ds <= :ds
        limit 1
    ) later_touch on true
    left join lateral (
        select 1 as found
        from marts.journey_conversions v
        where v.person_key = c.person_key
          and v.advertiser_id = c.advertiser_id
          and v.conversion_ts >= c.last_touch
          and v.ds <= :ds
        limit 1
    ) later_conversion on true
    where later_touch.found is null
      and later_conversion.found is null
),

ended as (
    select * from conversions
    union all
    select * from unconverted
)

select
    :ds::date                                   as ds,
    e.person_key,
    e.resolved,
    e.advertiser_id,
    e.journey_end,
    e.conversion_id,
    e.value,
    coalesce(p.touches, 0)                      as touches,
    coalesce(p.channels, '{}')                  as channels,
    coalesce(p.labels, '{}')                    as labels,
    coalesce(p.ages_days, '{}')                 as ages_days
from ended e
left join lateral (
    select
        count(*)::integer                                                   as touches,
        array_agg(recent.channel order by recent.touch_ts, recent.source_id) as channels,
        array_agg(coalesce(recent.campaign_id, recent.channel) order by recent.touch_ts, recent.source_id) as labels,
        array_agg(extract(epoch from e.journey_end - recent.touch_ts) / 86400.0 order by recent.touch_ts, recent.source_id)
                                                                            as ages_days
    from (
        select t.channel, t.campaign_id, t.touch_ts, t.source_id
        from marts.journey_touchpoints t
        where t.person_key = e.person_key
          and t.advertiser_id = e.advertiser_id
          and t.touch_ts <= e.journey_end
          and t.touch_ts > e.journey_end - make_interval(days => :lookback_days::int)
          and (e.previous_conversion is null or t.touch_ts > e.previous_conversion)
        order by t.touch_ts desc, t.source_id desc
        limit :max_touches
    ) recent
) p on true
