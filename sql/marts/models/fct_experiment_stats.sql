-- Sufficient statistics for every campaign experiment, cumulative from the campaign's start to :ds.
-- Population: members exposed (treatment) or ghost-exposed (control) so far. Outcome: their orders
-- of the campaign's advertiser from their first exposure day through :ds (or the campaign end plus
-- :post_campaign_days). Campaigns that ended more than :lookback_days ago are no longer rebuilt.
--
-- Cost per day, not per history:
-- * Population counts are integers, so they are carried forward exactly: the previous day's row
--   plus the day's first exposures (members(ds) = members(ds - 1) + first exposures on ds while
--   ds is inside the window). A campaign without rows on ds - 1 (it had no exposures yet, or that
--   day was never built) is recounted from fct_experiment_first_exposure, which gives the same
--   integers, so a re-run, a backfill in order, or a build after a gap all leave identical rows.
-- * Outcome sums (revenue is double precision, and orders_sq / revenue_sq are per-member squares)
--   are recounted, driven by the orders, not by the exposed population: only the window's orders
--   of the campaign's advertiser (about 1% of the event volume) are matched by index to their
--   buyer's first exposure. The match is a LATERAL subquery fenced with OFFSET 0, so it stays one
--   index probe per order: as a plain join the planner hashes every first exposure of the live
--   campaigns, which grows with each day of the flight. Floating-point sums run in a fixed order
--   (member, then order id) so the result does not depend on the plan.
with campaigns as (
    select
        campaign_id,
        advertiser_id,
        start_date,
        least(:ds::date, end_date + :post_campaign_days::int) as outcome_end,
        end_date + :post_campaign_days::int >= :ds::date      as window_open
    from staging.stg_campaigns
    where start_date <= :ds
      and end_date + :post_campaign_days::int >= :ds::date - :lookback_days::int
),

previous as (
    select s.campaign_id, s.arm, s.segment_type, s.segment_value, s.members
    from marts.fct_experiment_stats s
    join campaigns c on c.campaign_id = s.campaign_id
    where s.ds = :ds::date - 1
),

-- First exposures to count afresh: the day's (while the window is open), and every earlier one of
-- a campaign that has no row on the previous day.
counted_exposure as (
    select x.campaign_id, x.member_id, x.arm
    from campaigns c
    join marts.fct_experiment_first_exposure x
      on x.campaign_id = c.campaign_id
     and x.ds = :ds
    where c.window_open
    union all
    select x.campaign_id, x.member_id, x.arm
    from campaigns c
    join marts.fct_experiment_first_exposure x
      on x.campaign_id = c.campaign_id
     and x.ds between c.start_date and least(:ds::date - 1, c.outcome_end)
    where not exists (select 1 from previous p where p.campaign_id = c.campaign_id)
),

new_population as (
    select
        f.campaign_id, f.arm,
        case when grouping(m.region) = 0 then 'region'
             when grouping(m.age_band) = 0 then 'age_band'
             when grouping(m.loyalty_tier) = 0 then 'loyalty_tier'
             else 'all' end                                  as segment_type,
        coalesce(m.region, m.age_band, m.loyalty_tier, 'all') as segment_value,
        count(*)                                             as members
    from counted_exposure f
    join staging.stg_members m on m.member_id = f.member_id
    group by grouping sets (
        (f.campaign_id, f.arm),
        (f.campaign_id, f.arm, m.region),
        (f.campaign_id, f.arm, m.age_band),
        (f.campaign_id, f.arm, m.loyalty_tier))
),

population as (
    select campaign_id, arm, segment_type, segment_value, sum(members)::bigint as members
    from (
        select campaign_id, arm, segment_type, segment_value, members from previous
        union all
        select campaign_id, arm, segment_type, segment_value, members from new_population
    ) p
    group by campaign_id, arm, segment_type, segment_value
),

-- The window's orders of each live campaign's advertiser, read by the indexed order date.
campaign_orders as (
    select c.campaign_id, c.start_date, c.outcome_end, t.order_id, t.member_id, t.order_date, t.revenue
    from campaigns c
    join staging.stg_transactions t
      on t.advertiser_id = c.advertiser_id
     and t.order_date between c.start_date and c.outcome_end
),

-- Each order with its buyer's first exposure to the campaign on or before the order (and inside
-- the outcome window): one probe of the (campaign_id, member_id) index per order.
buyer_outcomes as (
    select o.campaign_id, o.member_id, x.arm, count(*) as orders, sum(o.revenue order by o.order_id) as revenue
    from campaign_orders o
    cross join lateral (
        select x.arm
        from marts.fct_experiment_first_exposure x
        where x.campaign_id = o.campaign_id
          and x.member_id = o.member_id
          and x.ds >= o.start_date
          and x.ds <= o.order_date
          and x.ds <= o.outcome_end
        offset 0 -- a fence: keeps the probe per order instead of a join over every exposure
    ) x
    group by o.campaign_id, o.member_id, x.arm
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
        sum(b.revenue order by b.member_id)                  as revenue,
        sum(b.revenue * b.revenue order by b.member_id)      as revenue_sq
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
