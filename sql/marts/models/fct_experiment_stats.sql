-- Sufficient statistics for every campaign experiment, cumulative from the campaign's start to :ds.
-- Population: members exposed (treatment) or ghost-exposed (control) so far. Outcome: their orders
-- of the campaign's advertiser from their first exposure day through :ds (or the campaign end plus
-- :post_campaign_days). Campaigns that ended more than :lookback_days ago are no longer rebuilt,
-- so the day's cost is bounded by the live campaigns' windows, not by all history.
-- Most exposed members never order, so the population is counted in one pass and the order sums
-- are computed only for members who ordered; the two are joined per segment at the end.
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
    select x.campaign_id, x.member_id, x.arm, x.ds as first_ds
    from campaigns c
    join marts.fct_experiment_first_exposure x
      on x.campaign_id = c.campaign_id
     and x.ds between c.start_date and c.outcome_end
),

-- Orders inside any live campaign's window, read by the indexed order date.
orders as (
    select member_id, advertiser_id, order_date, revenue
    from staging.stg_transactions
    where order_date between (select min(start_date) from campaigns) and :ds
),

buyer_outcomes as (
    select f.campaign_id, f.member_id, f.arm, count(*) as orders, sum(t.revenue) as revenue
    from first_exposure f
    join campaigns c on c.campaign_id = f.campaign_id
    join orders t
      on t.member_id = f.member_id
     and t.advertiser_id = c.advertiser_id
     and t.order_date between f.first_ds and c.outcome_end
    group by f.campaign_id, f.member_id, f.arm
),

population as (
    select
        f.campaign_id, f.arm,
        case when grouping(m.region) = 0 then 'region'
             when grouping(m.age_band) = 0 then 'age_band'
             when grouping(m.loyalty_tier) = 0 then 'loyalty_tier'
             else 'all' end                                  as segment_type,
        coalesce(m.region, m.age_band, m.loyalty_tier, 'all') as segment_value,
        count(*)                                             as members
    from first_exposure f
    join staging.stg_members m on m.member_id = f.member_id
    group by grouping sets (
        (f.campaign_id, f.arm),
        (f.campaign_id, f.arm, m.region),
        (f.campaign_id, f.arm, m.age_band),
        (f.campaign_id, f.arm, m.loyalty_tier))
),

outcomes as (
    select
        b.campaign_id, b.arm,
        case when grouping(m.region) = 0 then 'region'
             when grouping(m.age_band) = 0 then 'age_band'
             when grouping(m.loyalty_tier) = 0 then 'loyalty_tier'
             else 'all' end                                  as segment_type,
        coalesce(m.region, m.age_band, m.loyalty_tier, 'all') as segment_value,
        count(*)                                             as converters,
        sum(b.orders)                                        as orders,
        sum(b.orders * b.orders)                             as orders_sq,
        sum(b.revenue)                                       as revenue,
        sum(b.revenue * b.revenue)                           as revenue_sq
    from buyer_outcomes b
    join staging.stg_members m on m.member_id = b.member_id
    group by grouping sets (
        (b.campaign_id, b.arm),
        (b.campaign_id, b.arm, m.region),
        (b.campaign_id, b.arm, m.age_band),
        (b.campaign_id, b.arm, m.loyalty_tier))
)

select
    :ds::date                      as ds,
    p.campaign_id,
    p.segment_type,
    p.segment_value,
    p.arm,
    p.members,
    coalesce(o.converters, 0)      as converters,
    coalesce(o.orders, 0)          as orders,
    coalesce(o.orders_sq, 0)       as orders_sq,
    coalesce(o.revenue, 0)         as revenue,
    coalesce(o.revenue_sq, 0)      as revenue_sq
from population p
left join outcomes o
  on o.campaign_id = p.campaign_id
 and o.arm = p.arm
 and o.segment_type = p.segment_type
 and o.segment_value = p.segment_value
