-- The aggregate market × week history before the member-level period (docs/input-formats.md,
-- "Market history"): what a marketing mix model or a geo test reads, one row per Monday-start week,
-- market (DMA-like geography) and advertiser. Real sources: a retailer's weekly sales by DMA and the
-- media plan's delivered spend by DMA. The simulator writes both files with the first day's landing.
create table raw.market_weekly (
    week_start    date not null,
    market_id     text not null,
    advertiser_id text not null,
    orders        numeric(14, 2) not null,
    revenue       numeric(14, 2) not null,
    load_ds       date not null,
    primary key (week_start, market_id, advertiser_id)
);
create index market_weekly_load_ds on raw.market_weekly using brin (load_ds);

create table raw.market_spend_weekly (
    week_start    date not null,
    market_id     text not null,
    advertiser_id text not null,
    channel       text not null,
    spend         numeric(14, 2) not null,
    load_ds       date not null,
    primary key (week_start, market_id, advertiser_id, channel)
);
create index market_spend_weekly_load_ds on raw.market_spend_weekly using brin (load_ds);
