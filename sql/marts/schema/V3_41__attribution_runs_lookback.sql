-- The journey lookback the run's paths were built with (configs/attribution.yaml journeys.lookback_days),
-- so the report can say which conversions the journeys count (issue 17). Null for runs before it.
alter table marts.attribution_runs add column lookback_days integer;
