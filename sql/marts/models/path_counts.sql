-- The day's journeys as distinct paths, the input of every attribution model: at channel level
-- ('onsite_search > linear_tv') and at campaign level (campaign ids for platform campaigns, the
-- channel for other touches), with the whole days between each touch and the journey's end.
-- Conversions nobody touched have no path and are left out.
with paths as (
    select
        j.conversion_id is not null as converted,
        j.value,
        array_to_string(j.channels, ' > ') as channel_path,
        array_to_string(j.labels, ' > ')   as campaign_path,
        (select string_agg(floor(a)::int::text, ' > ' order by o)
         from unnest(j.ages_days) with ordinality as u(a, o)) as days_before
    from marts.journeys j
    where j.ds = :ds
      and j.touches > 0
),

levels as (
    select 'channel' as level, channel_path as path, days_before, converted, value from paths
    union all
    select 'campaign', campaign_path, days_before, converted, value from paths
)

select
    :ds::date                                      as ds,
    level,
    path,
    days_before                                    as days_before_conversion,
    count(*) filter (where converted)              as conversions,
    coalesce(sum(value order by value) filter (where converted), 0) as value,
    count(*) filter (where not converted)          as nulls
from levels
group by level, path, days_before
