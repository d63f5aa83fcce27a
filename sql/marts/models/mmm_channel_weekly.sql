-- Week to date (weeks start on Monday) of the MMM's media columns: the build of day ds sums the
-- daily rows of ds's week up to ds. The last built day of a week carries the week's total.
select
    :ds::date                                        as ds,
    date_trunc('week', :ds::date)::date              as week_start,
    (:ds::date - date_trunc('week', :ds::date)::date + 1)::smallint as days_elapsed,
    advertiser_id,
    channel,
    min(source)                                      as source,
    sum(spend)                                       as spend,
    sum(impressions)::bigint                         as impressions,
    sum(clicks)::bigint                              as clicks
from marts.mmm_channel_daily
where ds between date_trunc('week', :ds::date)::date and :ds::date
group by advertiser_id, channel
