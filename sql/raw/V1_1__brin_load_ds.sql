-- Rows land one interval at a time, so load_ds follows the physical order of the fact tables. A BRIN
-- index keeps a few bytes per block range instead of one B-tree entry per row: almost free to
-- maintain during COPY, and still lets a day's models and a reload's delete read only that day's
-- blocks.
drop index raw.ad_events_load_ds;
create index ad_events_load_ds on raw.ad_events using brin (load_ds);

drop index raw.transactions_load_ds;
create index transactions_load_ds on raw.transactions using brin (load_ds);

drop index raw.experiment_assignments_load_ds;
create index experiment_assignments_load_ds on raw.experiment_assignments using brin (load_ds);
