-- Truth for the cross-platform and offline world (simulator only; read by `triangulate evaluate`).

-- The person (member) and household behind every id the fragmented sources use, members included.
create table truth.identity (
    id_type      text not null,   -- member, household, device, streaming_user, cookie
    id           text not null,
    member_id    text not null,   -- for a household or a shared device: its first member
    household_id text not null,
    primary key (id_type, id)
);

-- The generating response of every channel and advertiser: geometric adstock on the member's
-- exposures (or on spend for OOH), exponential saturation, peak relative lift on purchase probability.
create table truth.channel_params (
    advertiser_id     text not null,
    channel           text not null,
    adstock_decay     double precision not null,
    saturation_k      double precision not null,
    max_relative_lift double precision not null,
    primary key (advertiser_id, channel)
);

-- Expected incremental orders and revenue caused by each channel per day and advertiser (all
-- channels: onsite channels sum their campaigns), with the day's spend: true ROAS is the ratio of sums.
create table truth.channel_daily (
    ds                       date not null,
    advertiser_id            text not null,
    channel                  text not null,
    spend                    double precision not null,
    true_incremental_orders  double precision not null,
    true_incremental_revenue double precision not null,
    primary key (ds, advertiser_id, channel)
);
