-- Least-privilege roles (issue 15). Created without LOGIN and without a password: a migration is
-- code in the repository, a password is a secret. `Database.as(TaskRole, env)` gives a role LOGIN and
-- its password from TRIANGULATE_<ROLE>_PASSWORD at run time. Idempotent: re-running grants the same.
do $$
declare
  r text;
begin
  foreach r in array array['triangulate_loader', 'triangulate_transformer', 'triangulate_reader'] loop
    if not exists (select 1 from pg_roles where rolname = r) then
      execute format('create role %I nologin', r);
    end if;
  end loop;
end
$$;

-- The staging views are repeatable migrations, applied after this one; their schema is made here so
-- that the default privileges below cover the views as they are (re)created.
create schema if not exists staging;

-- Every task records its run in ops.task_runs.
grant usage on schema ops to triangulate_loader, triangulate_transformer;
grant select, insert, update on ops.task_runs to triangulate_loader, triangulate_transformer;
grant usage, select on all sequences in schema ops to triangulate_loader, triangulate_transformer;

-- The loader writes raw only (landing rows, quarantine, reconciliation).
grant usage on schema raw to triangulate_loader;
grant select, insert, update, delete on all tables in schema raw to triangulate_loader;
alter default privileges in schema raw grant select, insert, update, delete on tables to triangulate_loader;

-- The transformer reads raw through staging and writes the marts and the activation feed; it cannot
-- read truth, so no model can peek at the simulator's answers (only evaluate, as the owner, does).
grant usage on schema raw, staging, marts, activation to triangulate_transformer;
grant select on all tables in schema raw to triangulate_transformer;
alter default privileges in schema raw grant select on tables to triangulate_transformer;
grant select on all tables in schema staging to triangulate_transformer;
alter default privileges in schema staging grant select on tables to triangulate_transformer;
grant select, insert, update, delete on all tables in schema marts to triangulate_transformer;
alter default privileges in schema marts grant select, insert, update, delete on tables to triangulate_transformer;
grant select, insert, update, delete on all tables in schema activation to triangulate_transformer;
alter default privileges in schema activation grant select, insert, update, delete on tables to triangulate_transformer;
grant usage, select on all sequences in schema marts, activation to triangulate_transformer;
alter default privileges in schema marts grant usage, select on sequences to triangulate_transformer;
alter default privileges in schema activation grant usage, select on sequences to triangulate_transformer;

-- The reader (API, dashboard, BI) reads the marts and nothing else.
grant usage on schema marts to triangulate_reader;
grant select on all tables in schema marts to triangulate_reader;
alter default privileges in schema marts grant select on tables to triangulate_reader;
