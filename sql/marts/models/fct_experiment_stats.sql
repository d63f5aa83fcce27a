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
-- * Outcome sums are carried forward the same way: converters, orders and revenue add the day's
--   buyers (the day's orders of the campaign's advertiser, each matched by index to its buyer's
--   first exposure); a buyer's square terms grow by (before + today)^2 - before^2, with "before"
--   the buyer's earlier matched orders, read by the member index of raw.transactions. Revenue is
--   summed as exact numeric, so carrying forward and recounting agree to the last digit whatever
--   the order; revenue and revenue_sq are those sums rounded to double precision. A campaign whose
--   previous row is missing (or predates the exact columns) is recounted: the window's orders of
--   its advertiser, each matched to its buyer's first exposure (a LATERAL subquery fenced with
--   OFFSET 0 stays one index probe per order; as a plain join the planner hashes every exposure).
-- * CUPED sums ride along at no extra probe: each first exposure carries its member's pre-period
--   orders X (fct_experiment_first_exposure.pre_orders), so pre_orders (ΣX) and pre_orders_sq (ΣX²)
--   carry forward with the population, and the cross-products with the outcome carry forward with
--   the outcome sums (so does revenue_x_orders, Σ revenue·orders per member, for the delta method's
--   revenue per order, growing by (R + r)(O + o) − R·O like the squares): pre_orders_x_converted (ΣX over converters, X·Y for Y = converted) grows by a
--   new converter's X, pre_orders_x_orders (ΣX·orders) by X × the buyer's orders of the day. Rows
--   written before these columns existed are recounted like a missing previous day.
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

-- The previous day's rows: population counts and outcome sums both carry forward from them.
previous as (
    select s.campaign_id, s.arm, s.segment_type, s.segment_value, s.members,
           s.converters, s.orders, s.orders_sq, s.revenue_exact, s.revenue_sq_exact,
           s.pre_orders, s.pre_orders_sq, s.pre_orders_x_converted, s.pre_orders_x_orders,
           s.revenue_x_orders
    from marts.fct_experiment_stats s
    join campaigns c on c.campaign_id = s.campaign_id
    where s.ds = :ds::date - 1
      and s.pre_orders is not null
),

-- First exposures to count afresh: the day's (while the window is open), and every earlier one of
-- a campaign that has no row on the previous day.
counted_exposure as (
    select x.campaign_id, x.member_id, x.arm, coalesce(x.pre_orders, 0) as pre_orders
    from campaigns c
    join marts.fct_experiment_first_exposure x
      on x.campaign_id = c.campaign_id
     and x.ds = :ds
    where c.window_open
    union all
    select x.campaign_id, x.member_id, x.arm, coalesce(x.pre_orders, 0) as pre_orders
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
        count(*)                                             as members,
        sum(f.pre_orders)                                    as pre_orders,
        sum(f.pre_orders * f.pre_orders)                     as pre_orders_sq
    from counted_exposure f
    join staging.stg_members m on m.member_id = f.member_id
    group by grouping sets (
        (f.campaign_id, f.arm),
        (f.campaign_id, f.arm, m.region),
        (f.campaign_id, f.arm, m.age_band),
        (f.campaign_id, f.arm, m.loyalty_tier))
),

population as (
    select campaign_id, arm, segment_type, segment_value, sum(members)::bigint as members,
           sum(pre_orders)::bigint as pre_orders, sum(pre_orders_sq)::bigint as pre_orders_sq
    from (
        select campaign_id, arm, segment_type, segment_value, members, pre_orders, pre_orders_sq from previous
        union all
        select campaign_id, arm, segment_type, segment_value, members, pre_orders, pre_orders_sq from new_population
    ) p
    group by campaign_id, arm, segment_type, segment_value
),

-- Rows written before the exact revenue columns existed cannot be carried forward.
previous_outcomes as (
    select campaign_id, arm, segment_type, segment_value,
           converters, orders, orders_sq, revenue_exact, revenue_sq_exact,
           pre_orders_x_converted, pre_orders_x_orders, revenue_x_orders
    from previous
    where revenue_exact is not null
),

carried as (
    select c.*, exists (select 1 from previous_outcomes p where p.campaign_id = c.campaign_id) as carried
    from campaigns c
),

-- Orders matched to their buyer's first exposure: the day's for a carried campaign, the window's
-- so far for a recounted one.
matched_orders as (
    select c.campaign_id, c.advertiser_id, c.carried, t.member_id, t.revenue_exact, x.arm, x.ds as exposed_ds,
           x.pre_orders
    from carried c
    join staging.stg_transactions t
      on t.advertiser_id = c.advertiser_id
     and t.order_date between (case when c.carried then :ds::date else c.start_date end) and c.outcome_end
    cross join lateral (
        select x.arm, x.ds, coalesce(x.pre_orders, 0) as pre_orders
        from marts.fct_experiment_first_exposure x
        where x.campaign_id = c.campaign_id
          and x.member_id = t.member_id
          and x.ds >= c.start_date
          and x.ds <= t.order_date
        offset 0 -- a fence: keeps the probe per order instead of a join over every exposure
    ) x
),

-- Buyers whose outcome changes: a carried campaign's buyers of the day with their matched totals
-- before the day; a recounted campaign's buyers so far, with nothing before.
buyer_changes as (
    select b.campaign_id, b.member_id, b.arm, b.pre_orders,
           coalesce(before.orders, 0)  as orders_before,
           coalesce(before.revenue, 0) as revenue_before,
           b.orders_today, b.revenue_today
    from (
        select campaign_id, advertiser_id, carried, member_id, arm, exposed_ds, pre_orders,
               count(*) as orders_today, sum(revenue_exact) as revenue_today
        from matched_orders
        group by campaign_id, advertiser_id, carried, member_id, arm, exposed_ds, pre_orders
    ) b
    left join lateral (
        select count(*) as orders, sum(t.revenue_exact) as revenue
        from staging.stg_transactions t
        where b.carried
          and t.member_id = b.member_id
          and t.advertiser_id = b.advertiser_id
          and t.order_date >= b.exposed_ds
          and t.order_date < :ds
    ) before on true
),

outcome_changes as (
    select
        b.campaign_id, b.arm,
        case when grouping(m.region) = 0 then 'region'
             when grouping(m.age_band) = 0 then 'age_band'
             when grouping(m.loyalty_tier) = 0 then 'loyalty_tier'
             else 'all' end                                  as segment_type,
        coalesce(m.region, m.age_band, m.loyalty_tier, 'all') as segment_value,
        count(*) filter (where b.orders_before = 0)          as converters,
        sum(b.orders_today)                                  as orders,
        sum((b.orders_before + b.orders_today) * (b.orders_before + b.orders_today)
            - b.orders_before * b.orders_before)  as orders_sq,
        sum(b.revenue_today)                                 as revenue_exact,
        sum((b.revenue_before + b.revenue_today) * (b.revenue_before + b.revenue_today)
            - b.revenue_before * b.revenue_before) as revenue_sq_exact,
        sum(b.pre_orders) filter (where b.orders_before = 0) as pre_orders_x_converted,
        sum(b.pre_orders * b.orders_today)                   as pre_orders_x_orders,
        sum((b.revenue_before + b.revenue_today) * (b.orders_before + b.orders_today)
            - b.revenue_before * b.orders_before) as revenue_x_orders
    from buyer_changes b
    join staging.stg_members m on m.member_id = b.member_id
    group by grouping sets (
        (b.campaign_id, b.arm),
        (b.campaign_id, b.arm, m.region),
        (b.campaign_id, b.arm, m.age_band),
        (b.campaign_id, b.arm, m.loyalty_tier))
),

outcomes as (
    select campaign_id, arm, segment_type, segment_value,
           sum(converters)::bigint as converters, sum(orders)::bigint as orders,
           sum(orders_sq)::bigint as orders_sq,
           sum(revenue_exact) as revenue_exact, sum(revenue_sq_exact) as revenue_sq_exact,
           sum(pre_orders_x_converted)::bigint as pre_orders_x_converted,
           sum(pre_orders_x_orders)::bigint as pre_orders_x_orders,
           sum(revenue_x_orders) as revenue_x_orders
    from (
        select campaign_id, arm, segment_type, segment_value,
               converters, orders, orders_sq, revenue_exact, revenue_sq_exact,
               pre_orders_x_converted, pre_orders_x_orders, revenue_x_orders
        from previous_outcomes
        union all
        select campaign_id, arm, segment_type, segment_value,
               converters, orders, orders_sq::numeric, revenue_exact, revenue_sq_exact,
               pre_orders_x_converted, pre_orders_x_orders, revenue_x_orders
        from outcome_changes
    ) o
    group by campaign_id, arm, segment_type, segment_value
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
    coalesce(o.revenue_exact, 0)::double precision    as revenue,
    coalesce(o.revenue_sq_exact, 0)::double precision as revenue_sq,
    coalesce(o.revenue_exact, 0)                      as revenue_exact,
    coalesce(o.revenue_sq_exact, 0)                   as revenue_sq_exact,
    p.pre_orders,
    p.pre_orders_sq,
    coalesce(o.pre_orders_x_converted, 0)             as pre_orders_x_converted,
    coalesce(o.pre_orders_x_orders, 0)                as pre_orders_x_orders,
    coalesce(o.revenue_x_orders, 0)                   as revenue_x_orders
from population p
left join outcomes o
  on o.campaign_id = p.campaign_id
 and o.arm = p.arm
 and o.segment_type = p.segment_type
 and o.segment_value = p.segment_value
