-- Connected components of the identity graph, recomputed only where the day's links changed them:
-- the walk starts from the nodes of the day's edges and follows every edge loaded up to :ds, so the
-- cost grows with the day's links (times the size of their components), not with history.
--
-- Person-level ids (member, cookie, streaming_user) are joined into persons through links among
-- themselves. Household-level ids never merge persons (a household, or a TV shared by it, is not
-- one person): member-household links give each person-level node the household of its component's
-- member, device-household links give a device its household (smallest id if several).
-- Person key: the component's member id (the smallest if links tie several members together, a
-- conflict counted in component_members), else the component's smallest node.
with recursive seeds as (
    select distinct node_a as node
    from marts.identity_edges
    where ds = :ds
),

reach (seed, node) as (
    select node, node
    from seeds
    where split_part(node, ':', 1) in ('member', 'cookie', 'streaming_user')
    union
    select r.seed, e.node_b
    from reach r
    join marts.identity_edges e
      on e.node_a = r.node
     and e.ds <= :ds
    where split_part(e.node_b, ':', 1) in ('member', 'cookie', 'streaming_user')
),

components as (
    select
        seed,
        min(node) filter (where node like 'member:%') as member_node,
        min(node)                                    as smallest_node,
        count(*) filter (where node like 'member:%') as members,
        count(*)                                     as size
    from reach
    group by seed
),

person_nodes as (
    select distinct on (r.node)
        r.node,
        split_part(r.node, ':', 1)                          as id_type,
        coalesce(substr(c.member_node, 8), c.smallest_node) as person_key,
        substr(c.member_node, 8)                            as member_id,
        c.members,
        c.size
    from reach r
    join components c on c.seed = r.seed
    order by r.node
),

member_households as (
    select p.node, min(substr(e.node_b, 11)) as household_id
    from person_nodes p
    join marts.identity_edges e
      on e.node_a = 'member:' || p.member_id
     and e.ds <= :ds
    where e.node_b like 'household:%'
    group by p.node
),

device_households as (
    select s.node, min(substr(e.node_b, 11)) as household_id
    from seeds s
    join marts.identity_edges e
      on e.node_a = s.node
     and e.ds <= :ds
    where s.node like 'device:%'
      and e.node_b like 'household:%'
    group by s.node
)

select
    :ds::date          as ds,
    p.node,
    p.id_type,
    p.person_key,
    p.member_id,
    h.household_id,
    p.members::integer as component_members,
    p.size::integer    as component_size
from person_nodes p
left join member_households h on h.node = p.node
union all
select
    :ds::date,
    d.node,
    'device',
    null,
    null,
    d.household_id,
    0,
    1
from device_households d
