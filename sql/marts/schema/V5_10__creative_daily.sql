-- Daily delivery per creative (SQL model marts/models/fct_creative_daily.sql), for the dashboard's
-- creatives page and GET /api/v1/creatives.
create table marts.fct_creative_daily (
    ds            date not null,
    creative_id   text not null,
    campaign_id   text not null,
    channel       text not null,
    creative_name text not null,
    format        text,              -- null when the creative is missing from raw.creatives
    impressions   bigint not null,
    clicks        bigint not null,
    spend         double precision not null,
    ctr           double precision,  -- clicks / impressions
    cpc           double precision,  -- spend / clicks
    cpm           double precision,  -- 1000 * spend / impressions
    primary key (ds, creative_id)
);
create index fct_creative_daily_campaign on marts.fct_creative_daily (campaign_id, ds);
