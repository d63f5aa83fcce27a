-- The MMM against the simulator's truth, written by `triangulate evaluate` (the only reader of
-- truth) so that the report can set them side by side: per fit, model and channel, the true ROAS
-- over the fitted window (member-level days and market-history weeks), the estimate with its 90%
-- interval, and the true and estimated shares of the target. Empty for real data.
create table marts.mmm_evaluation (
    ds         date not null,
    grain      text not null,
    model      text not null,
    channel    text not null,
    spend      double precision,
    true_roas  double precision,
    roas       double precision,
    roas_low   double precision,
    roas_high  double precision,
    covered    boolean not null,
    true_share double precision,
    share      double precision,
    primary key (ds, grain, model, channel)
);
