-- Truth of the market × week history (simulator only; read by `triangulate evaluate`): the expected
-- incremental orders and revenue caused by each channel per week, market and advertiser, with its
-- spend. The member-level days' channel truth stays in truth.channel_daily; an MMM fitted over both
-- is scored against the sum of the two over its window.
create table truth.market_weekly (
    week_start               date not null,
    market_id                text not null,
    advertiser_id            text not null,
    channel                  text not null,
    spend                    double precision not null,
    true_incremental_orders  double precision not null,
    true_incremental_revenue double precision not null,
    primary key (week_start, market_id, advertiser_id, channel)
);
