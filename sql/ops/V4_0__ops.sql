-- Operations log: one row per task run. Kept out of `marts` because its timestamps differ on every
-- run by nature, while marts must be byte-for-byte reproducible.

create schema if not exists ops;

create table ops.task_runs (
    run_id       bigint generated always as identity primary key,
    task         text not null,
    ds           date,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    rows_read    bigint,
    rows_written bigint,
    status       text not null,  -- running, succeeded or failed
    message      text
);
create index task_runs_task_ds on ops.task_runs (task, ds);
