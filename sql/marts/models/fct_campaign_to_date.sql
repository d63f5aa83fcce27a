-- Each campaign's delivery and last-touch results from its start to :ds (spend is the denominator
-- of incremental ROAS). Same lookback as the experiment statistics.
select
    :ds::date                               as ds,
    c.campaign_id,
    c.advertiser_id,
    c.campaign_name,
    c.channel,
    c.start_date,
    c.end_date,
    c.daily_budget,
    count(d.ds) filter (where d.impressions > 0)::integer as days_live,
    coalesce(sum(d.impressions), 0)         as impressions,
    coalesce(sum(d.clicks), 0)              as clicks,
    coalesce(sum(d.spend), 0)               as spend,
    coalesce(sum(d.attributed_orders), 0)   as attributed_orders,
    coalesce(sum(d.attributed_revenue), 0)  as attributed_revenue,
    sum(d.attributed_revenue)::double precision / nullif(sum(d.spend), 0) as attributed_roas
from staging.stg_campaigns c
left join marts.fct_campaign_daily d
  on d.campaign_id = c.campaign_id
 and d.ds between c.start_date and :ds
where c.start_date <= :ds
  and c.end_date + :post_campaign_days::int >= :ds::date - :lookback_days::int
group by c.campaign_id, c.advertiser_id, c.campaign_name, c.channel, c.start_date, c.end_date, c.daily_budget
