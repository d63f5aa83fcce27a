-- Orders from before the warehouse's first day (landing file transactions_history.csv): the
-- pre-period of the experiments' CUPED covariate. Kept apart from raw.transactions, whose rows are
-- dated by their load interval and counted as outcomes; these are dated by their own timestamp and
-- only ever read as a covariate. load_ds is the interval that delivered them (replaced on reload).
create table raw.transactions_history (
    order_id      text primary key,
    order_ts      timestamptz not null,
    member_id     text not null,
    advertiser_id text not null,
    revenue       numeric(14, 2) not null,
    items         integer not null,
    load_ds       date not null
);
create index transactions_history_load_ds on raw.transactions_history (load_ds);
create index transactions_history_member on raw.transactions_history (member_id);
