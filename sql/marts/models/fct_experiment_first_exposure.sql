-- Members whose first ad opportunity of a campaign is on the day: a real impression in treatment,
-- a logged ghost impression in control (ghost ads). Members already exposed on an earlier day are
-- left out, so a re-run of the day gives the same rows. Events whose type contradicts the member's
-- arm are contamination and are left out here. pre_orders is the member's CUPED covariate (below).
--
-- Cost per day, not per history: the day's opportunities drive everything. Each (campaign, member)
-- of the day probes the index of earlier first exposures and, if new, the assignments' primary key.
-- LATERAL ... LIMIT 1 keeps these as index probes (a plain join or NOT EXISTS lets the planner hash
-- every assignment and every earlier exposure, which grows with history), and probing in key order
-- keeps consecutive probes on the same index pages.
with day_opportunities as materialized (
    select e.campaign_id, e.member_id, e.event_type, count(*)::integer as exposures
    from staging.stg_ad_events e
    where e.event_date = :ds
      and e.event_type in ('impression', 'ghost_impression')
    group by e.campaign_id, e.member_id, e.event_type
    order by e.campaign_id, e.member_id, e.event_type
),

new_opportunities as (
    select o.campaign_id, o.member_id, o.event_type, o.exposures
    from day_opportunities o
    left join lateral (
        select true as seen
        from marts.fct_experiment_first_exposure p
        where p.campaign_id = o.campaign_id
          and p.member_id = o.member_id
          and p.ds < :ds
        limit 1
    ) earlier on true
    where earlier.seen is null
)

select :ds::date as ds, o.campaign_id, o.member_id, a.arm, o.exposures, pre.pre_orders
from new_opportunities o
cross join lateral (
    select a.arm
    from staging.stg_experiment_assignments a
    where a.campaign_id = o.campaign_id
      and a.member_id = o.member_id
    limit 1 -- (campaign_id, member_id) is the primary key: at most one row
) a
join staging.stg_campaigns c on c.campaign_id = o.campaign_id
-- The CUPED covariate: the member's orders of the campaign's advertiser in the :pre_period_days
-- before the first exposure (before treatment, so the ads cannot have moved it). Orders before the
-- warehouse's first loaded day come from the pre-history (staging.stg_transactions_history). Probes
-- the transactions' member index, once per new member of the day.
cross join lateral (
    select (
        (select count(*)
         from staging.stg_transactions t
         where t.member_id = o.member_id
           and t.advertiser_id = c.advertiser_id
           and t.order_date >= :ds::date - :pre_period_days::int
           and t.order_date < :ds::date)
      + (select count(*)
         from staging.stg_transactions_history h
         where h.member_id = o.member_id
           and h.advertiser_id = c.advertiser_id
           and h.order_date >= :ds::date - :pre_period_days::int
           and h.order_date < :ds::date))::integer as pre_orders
) pre
where (a.arm = 'treatment' and o.event_type = 'impression')
   or (a.arm = 'control' and o.event_type = 'ghost_impression')
