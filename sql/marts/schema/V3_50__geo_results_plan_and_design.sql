-- The plan behind each geo read-out (from staging.stg_geo_test_plans), and the pipeline's geo test
-- designs (`geo design --warehouse`): for each planned test, candidate treatment sets ranked by
-- power on the market history before the test, computed by the GeoLift-style placebo simulation
-- of io.triangulate.geo.design.GeoDesigner. Re-running replaces every row.
alter table marts.geo_results
    add column test_id              text,
    add column spend_multiplier     double precision,
    add column planned_spend_change double precision;

create table marts.geo_design (
    test_id             text not null,
    advertiser_id       text not null,
    channel             text not null,
    rank                integer not null,
    planned             boolean not null,          -- the treated set the plan chose
    treated_markets     text not null,             -- market ids separated by ';'
    duration_weeks      integer not null,
    spend_multiplier    double precision not null, -- the intervention the power is computed for
    spend_change        double precision,          -- expected spend change of that intervention
    share               double precision not null, -- treated share of revenue over the history
    fit_error           double precision,          -- synthetic-control RMSE over mean level
    windows             integer not null,          -- placebo windows simulated
    assumed_iroas       double precision,          -- iROAS the expected lift is computed from
    lift                double precision,          -- expected lift: spend change × iROAS over baseline
    power               double precision,          -- share of placebo windows detecting that lift
    mde                 double precision,          -- smallest lift of the grid with power ≥ 80% (null: none)
    baseline            double precision,          -- treated revenue over a window of that length
    mde_incremental     double precision,
    history_end         date not null,             -- last week of the history the design used
    primary key (test_id, rank)
);
