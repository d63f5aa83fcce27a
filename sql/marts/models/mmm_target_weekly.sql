-- Week to date (weeks start on Monday) of the MMM's target: the build of day ds sums the daily rows
-- of ds's week up to ds. The last built day of a week carries the week's total; days_built counts
-- the days that were built (a week that starts before the data, or has a gap, has fewer than 7).
select
    :ds::date                                        as ds,
    date_trunc('week', :ds::date)::date              as week_start,
    count(distinct ds)::smallint                     as days_built,
    advertiser_id,
    sum(platform_orders)::bigint                     as platform_orders,
    sum(platform_revenue)                            as platform_revenue,
    sum(web_orders)::bigint                          as web_orders,
    sum(web_revenue)                                 as web_revenue,
    sum(orders)::bigint                              as orders,
    sum(revenue)                                     as revenue,
    count(*) filter (where is_weekend)::smallint     as weekend_days
from marts.mmm_target_daily
where ds between date_trunc('week', :ds::date)::date and :ds::date
group by advertiser_id
