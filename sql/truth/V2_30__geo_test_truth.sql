-- Truth of the simulated geo tests in the market history (simulator only; read by `triangulate
-- evaluate`): per advertiser that buys linear TV, the treated markets and window over which its
-- linear TV was scaled by `multiplier`, and the true effect of that change: the difference of the
-- expected values with and without it, summed over the treated markets and the window (the adstock
-- of spend before the window cancels; carry-over past the history's last day is not in the data).
-- Negative spend_change and incremental revenue for a switch-off; iROAS = revenue / spend change.
create table truth.geo_test (
    advertiser_id            text not null,
    channel                  text not null,
    treated_markets          text not null,  -- market ids separated by ';'
    start_date               date not null,
    end_date                 date not null,
    multiplier               double precision not null,
    spend_change             double precision not null,
    true_incremental_orders  double precision not null,
    true_incremental_revenue double precision not null,
    primary key (advertiser_id, channel, start_date)
);
