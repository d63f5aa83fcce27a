-- Members whose first ad opportunity of a campaign is on the day: a real impression in treatment,
-- a logged ghost impression in control (ghost ads). Members already exposed on an earlier day are
-- left out (indexed anti-join), so a re-run of the day gives the same rows. Events whose type
-- contradicts the member's arm are contamination and are left out here.
with opportunities as (
    select e.campaign_id, e.member_id, a.arm, count(*)::integer as exposures
    from staging.stg_ad_events e
    join staging.stg_experiment_assignments a
      on a.campaign_id = e.campaign_id
     and a.member_id = e.member_id
    where e.event_date = :ds
      and ((a.arm = 'treatment' and e.event_type = 'impression')
        or (a.arm = 'control' and e.event_type = 'ghost_impression'))
    group by e.campaign_id, e.member_id, a.arm
)

select :ds::date as ds, o.campaign_id, o.member_id, o.arm, o.exposures
from opportunities o
where not exists (
    select 1
    from marts.fct_experiment_first_exposure p
    where p.campaign_id = o.campaign_id
      and p.member_id = o.member_id
      and p.ds < :ds
)
