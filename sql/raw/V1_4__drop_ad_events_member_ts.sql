-- Every COPY into raw.ad_events and raw.transactions maintained a (member_id, ...) B-tree: a random
-- insert per row, roughly doubling PostgreSQL's cost per loaded event. The only reader was the
-- last-touch lookup of fct_campaign_daily, which now bounds its event scan by event_date (load_ds,
-- BRIN-indexed since V1_1) and joins the window's events by member in a hash. No model or Java query
-- reads transactions by member and time (the experiment and journey models read a day's or a
-- window's orders by order_date), so both indexes go.
drop index raw.ad_events_member_ts;
drop index raw.transactions_member_ts;
