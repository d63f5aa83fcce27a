-- Geo test plans (docs/input-formats.md, "Geo test plans"): what an advertiser records when it
-- plans a geo-lift test: the markets whose media change, the Monday-start weeks of the window, the
-- intervention (the channel's spend multiplied by spend_multiplier there: 0 switches it off, 2
-- doubles it) and the media plan's spend change over the window (negative for a cut). `geo test`
-- analyses these plans; the simulator's truth of the same tests is only in truth.geo_test.
-- A plan sent again on a later day supersedes the earlier one (staging.stg_geo_test_plans).
create table raw.geo_test_plans (
    test_id              text not null,
    advertiser_id        text not null,
    channel              text not null,
    treated_markets      text not null,  -- market ids separated by ';'
    start_week           date not null,
    end_week             date not null,
    spend_multiplier     numeric(12, 6) not null,
    planned_spend_change numeric(14, 2) not null,
    load_ds              date not null,
    primary key (test_id, load_ds)
);
