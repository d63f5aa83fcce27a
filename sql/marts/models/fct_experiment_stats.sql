-- Sufficient statistics for every campaign experiment, cumulative from the campaign's start to :ds.
-- Population: members exposed (treatment) or ghost-exposed (control) so far. Outcome: their orders
-- of the campaign's advertiser from their first exposure day through :ds (or the campaign end plus
-- :post_campaign_days). Campaigns that ended more than :lookback_days ago are no longer rebuilt,
-- so the day's cost is bounded by the live campaigns' windows, not by all history.
with campaigns as (
    select
        campaign_id,
        advertiser_id,
        start_date,
        least(:ds::date, end_date + :post_campaign_days::int) as outcome_end
    from staging.stg_campaigns
    where start_date <= :ds
      and end_date + :post_campaign_days::int >= :ds::date - :lookback_days::int
),

first_exposure as (
    select x.campaign_id, x.member_id, x.arm, min(x.ds) as first_ds
    from marts.fct_experiment_exposure x
    join campaigns c on c.campaign_id = x.campaign_id
    where x.ds between c.start_date and c.outcome_end
    group by x.campaign_id, x.member_id, x.arm
),

member_outcomes as (
    select
        f.campaign_id,
        f.member_id,
        f.arm,
        count(t.order_id)          as orders,
        coalesce(sum(t.revenue), 0) as revenue
    from first_exposure f
    join campaigns c on c.campaign_id = f.campaign_id
    left join staging.stg_transactions t
      on t.member_id = f.member_id
     and t.advertiser_id = c.advertiser_id
     and t.order_date between f.first_ds and c.outcome_end
    group by f.campaign_id, f.member_id, f.arm
),

segmented as (
    select o.campaign_id, o.arm, s.segment_type, s.segment_value, o.orders, o.revenue
    from member_outcomes o
    join staging.stg_members m on m.member_id = o.member_id
    cross join lateral (
        values ('all', 'all'),
               ('region', m.region),
               ('age_band', m.age_band),
               ('loyalty_tier', m.loyalty_tier)
    ) as s (segment_type, segment_value)
)

select
    :ds::date                                        as ds,
    campaign_id,
    segment_type,
    segment_value,
    arm,
    count(*)                                         as members,
    count(*) filter (where orders > 0)               as converters,
    sum(orders)                                      as orders,
    sum(orders * orders)                             as orders_sq,
    sum(revenue)                                     as revenue,
    sum(revenue * revenue)                           as revenue_sq
from segmented
group by campaign_id, segment_type, segment_value, arm
