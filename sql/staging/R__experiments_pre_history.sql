-- Orders before the warehouse's first day, dated by their own (UTC) timestamp: read only by the
-- CUPED covariate of marts.fct_experiment_first_exposure, never as an outcome. Repeatable
-- migrations run in name order, before R__staging_views.sql, hence the schema here too.
create schema if not exists staging;
create or replace view staging.stg_transactions_history as
select
    order_id,
    member_id,
    advertiser_id,
    order_ts,
    (order_ts at time zone 'UTC')::date as order_date,
    revenue::double precision           as revenue,
    items
from raw.transactions_history;
