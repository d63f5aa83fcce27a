-- Cross-platform and offline sources (docs/input-formats.md, "Cross-platform sources").
-- Real journeys are stitched from fragmented logs: linear TV by household, streaming by device or
-- streaming user, the brand's web site by cookie, web purchases by cookie or member, and an identity
-- graph that links some of those ids. Offline media (linear TV, OOH, brand streaming) arrive as
-- daily spend only. Nothing here carries a resolved person: staging resolves identities.

-- Brand-bought media outside the platform, one row per day, advertiser and channel.
create table raw.channel_spend (
    spend_date    date not null,
    advertiser_id text not null,
    channel       text not null,            -- linear_tv, ooh or streaming
    spend         numeric(14, 2) not null,
    impressions   bigint,                   -- where the vendor reports delivery (null for OOH)
    load_ds       date not null,
    primary key (spend_date, advertiser_id, channel)
);
create index channel_spend_load_ds on raw.channel_spend (load_ds);

-- Pairs of ids observed together (a login, a household registration, a device pairing). Types:
-- member, household, device, streaming_user, cookie. Coverage is partial: some ids are never linked.
create table raw.identity_links (
    id_a          text not null,
    id_a_type     text not null,
    id_b          text not null,
    id_b_type     text not null,
    link_source   text not null,            -- login, household_registration, device_pairing, …
    observed_date date not null,
    load_ds       date not null,
    primary key (id_a_type, id_a, id_b_type, id_b)
);
create index identity_links_load_ds on raw.identity_links (load_ds);

-- Linear TV: one row per household that an airing reached (ACR panel style).
create table raw.tv_airings (
    exposure_id   text primary key,
    household_id  text not null,
    advertiser_id text not null,
    network       text not null,
    aired_ts      timestamptz not null,
    creative_name text,                     -- missing in some vendor exports
    load_ds       date not null
);
create index tv_airings_load_ds on raw.tv_airings (load_ds);

-- Brand streaming impressions, keyed by a device id or a streaming user id (one of the two). The
-- vendor re-logs some impressions: same ids, advertiser, creative and second, a new log_id.
create table raw.streaming_impressions (
    log_id        text primary key,
    device_id     text,
    user_id       text,
    advertiser_id text not null,
    creative_name text,
    event_ts      timestamptz not null,
    cost          numeric(14, 6) not null,
    load_ds       date not null,
    check (device_id is not null or user_id is not null)
);
create index streaming_impressions_load_ds on raw.streaming_impressions (load_ds);

-- Visits to an advertiser's own web site, by cookie.
create table raw.web_visits (
    visit_id       text primary key,
    cookie_id      text not null,
    visit_ts       timestamptz not null,
    advertiser_id  text not null,
    traffic_source text not null,           -- direct, organic, social, email, display, search, streaming
    campaign_id    text,                    -- utm campaign when the visit came from a platform campaign
    load_ds        date not null
);
create index web_visits_load_ds on raw.web_visits (load_ds);

-- Orders on an advertiser's own web site: by cookie, with the member id when the buyer was logged in.
create table raw.web_purchases (
    purchase_id   text primary key,
    purchase_ts   timestamptz not null,
    cookie_id     text,
    member_id     text,
    advertiser_id text not null,
    revenue       numeric(14, 2) not null,
    load_ds       date not null,
    check (cookie_id is not null or member_id is not null)
);
create index web_purchases_load_ds on raw.web_purchases (load_ds);
