-- The uplift learners' table: one row per member of each campaign's experiment population so far
-- (its first exposure in marts.fct_experiment_first_exposure), with the arm, the outcome and
-- features known before the first exposure. Outcome: the member's orders of the campaign's
-- advertiser from the first exposure day through :ds or the campaign end plus :post_campaign_days,
-- as the experiments count them. Past purchases: every order before the first exposure day, from
-- the loaded transactions and the pre-history. Campaigns that ended more than :lookback_days ago
-- are left out. Each member probes the transactions' member index (a few dozen rows a member).
with campaigns as (
    select
        campaign_id,
        advertiser_id,
        least(:ds::date, end_date + :post_campaign_days::int) as outcome_end
    from staging.stg_campaigns
    where start_date <= :ds
      and end_date + :post_campaign_days::int >= :ds::date - :lookback_days::int
),

population as (
    select x.campaign_id, c.advertiser_id, c.outcome_end, x.member_id, x.ds as first_ds, x.arm,
           coalesce(x.pre_orders, 0) as pre_orders
    from campaigns c
    join marts.fct_experiment_first_exposure x
      on x.campaign_id = c.campaign_id
     and x.ds <= c.outcome_end
),

orders as (
    select t.member_id, t.advertiser_id, t.order_date, t.revenue
    from staging.stg_transactions t
    union all
    select h.member_id, h.advertiser_id, h.order_date, h.revenue
    from staging.stg_transactions_history h
)

select
    :ds::date                                              as ds,
    p.campaign_id,
    p.member_id,
    case when p.arm = 'treatment' then 1 else 0 end       as treated,
    case when o.outcome_orders > 0 then 1 else 0 end      as converted,
    o.outcome_orders::integer                              as orders,
    m.region,
    m.age_band,
    m.loyalty_tier,
    m.device,
    greatest(0, p.first_ds - m.signup_date)::integer       as tenure_days,
    p.pre_orders::integer                                  as pre_orders,
    h.history_orders::integer                              as history_orders,
    h.history_orders_advertiser::integer                   as history_orders_advertiser,
    h.history_revenue                                      as history_revenue
from population p
join staging.stg_member_features m on m.member_id = p.member_id
cross join lateral (
    select count(*) as outcome_orders
    from staging.stg_transactions t
    where t.member_id = p.member_id
      and t.advertiser_id = p.advertiser_id
      and t.order_date >= p.first_ds
      and t.order_date <= p.outcome_end
) o
cross join lateral (
    select count(*)                                                   as history_orders,
           count(*) filter (where b.advertiser_id = p.advertiser_id)  as history_orders_advertiser,
           coalesce(sum(b.revenue), 0)::double precision              as history_revenue
    from orders b
    where b.member_id = p.member_id
      and b.order_date < p.first_ds
) h
