-- Every raw table is loaded one interval at a time, so load_ds follows the physical order of its
-- rows. As in V1_1, a BRIN index (a few bytes per block range) replaces a B-tree entry per row: close
-- to free while COPY appends, and still enough for a reload's delete and a day's models to read only
-- that day's blocks.

-- Cross-platform and offline sources (V1_2): B-tree → BRIN.
drop index raw.channel_spend_load_ds;
create index channel_spend_load_ds on raw.channel_spend using brin (load_ds);

drop index raw.identity_links_load_ds;
create index identity_links_load_ds on raw.identity_links using brin (load_ds);

drop index raw.tv_airings_load_ds;
create index tv_airings_load_ds on raw.tv_airings using brin (load_ds);

drop index raw.streaming_impressions_load_ds;
create index streaming_impressions_load_ds on raw.streaming_impressions using brin (load_ds);

drop index raw.web_visits_load_ds;
create index web_visits_load_ds on raw.web_visits using brin (load_ds);

drop index raw.web_purchases_load_ds;
create index web_purchases_load_ds on raw.web_purchases using brin (load_ds);

-- Members had no load_ds index at all: every load's "replace this interval" delete read the whole
-- member table (a million rows at benchmark scale) to find none.
create index members_load_ds on raw.members using brin (load_ds);
