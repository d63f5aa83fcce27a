-- Members with an ad opportunity on the day: a real impression in treatment, a logged ghost
-- impression in control (ghost ads). Events whose type contradicts the member's arm are
-- contamination and are left out here.
select
    :ds::date          as ds,
    e.campaign_id,
    e.member_id,
    a.arm,
    count(*)::integer  as exposures
from staging.stg_ad_events e
join staging.stg_experiment_assignments a
  on a.campaign_id = e.campaign_id
 and a.member_id = e.member_id
where e.event_date = :ds
  and ((a.arm = 'treatment' and e.event_type = 'impression')
    or (a.arm = 'control' and e.event_type = 'ghost_impression'))
group by e.campaign_id, e.member_id, a.arm
