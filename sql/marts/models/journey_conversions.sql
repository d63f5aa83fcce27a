-- The day's conversions resolved to persons as of :ds: platform orders by member, web purchases by
-- the logged-in member, else by cookie (its person, or the unresolved cookie component).
with purchases as (
    select order_id as conversion_id, 'transactions' as source, 'member:' || member_id as node,
           advertiser_id, order_ts as conversion_ts, revenue as value
    from staging.stg_transactions
    where order_date = :ds
    union all
    select purchase_id, 'web_purchases',
           case when member_id is not null then 'member:' || member_id else 'cookie:' || cookie_id end,
           advertiser_id, purchase_ts, revenue
    from staging.stg_web_purchases
    where purchase_date = :ds
)

select
    :ds::date                                         as ds,
    p.conversion_id,
    p.source,
    coalesce(r.person_key, case when p.node like 'member:%' then substr(p.node, 8) else p.node end) as person_key,
    p.node like 'member:%' or r.member_id is not null as resolved,
    p.advertiser_id,
    p.conversion_ts,
    p.value
from purchases p
left join lateral (
    select person_key, member_id
    from marts.identity_resolution r
    where r.node = p.node
      and r.ds <= :ds
    order by r.ds desc
    limit 1
) r on true
