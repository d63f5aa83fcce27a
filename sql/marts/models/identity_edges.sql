-- The day's identity links as graph edges between 'type:ID' nodes, in both directions, so that
-- identity_resolution walks the graph through one index. Self-links and repeats are dropped.
with links as (
    select id_a_type || ':' || id_a as node_a, id_b_type || ':' || id_b as node_b, link_source
    from staging.stg_identity_links
    where link_date = :ds
      and id_a <> '' and id_b <> ''
),

both_directions as (
    select node_a, node_b, link_source from links
    union all
    select node_b, node_a, link_source from links
)

select distinct on (node_a, node_b)
    :ds::date as ds,
    node_a,
    node_b,
    link_source
from both_directions
where node_a <> node_b
order by node_a, node_b, link_source
