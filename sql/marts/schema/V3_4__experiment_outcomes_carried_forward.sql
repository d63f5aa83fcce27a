-- Experiment outcome sums carried forward day by day instead of recounted over the flight.
-- revenue_exact and revenue_sq_exact are the exact sums that are carried; revenue and revenue_sq are
-- them rounded to double precision. Null on rows written before this migration: the first build
-- after it recounts those campaigns.
alter table marts.fct_experiment_stats
    add column revenue_exact    numeric,
    add column revenue_sq_exact numeric;
