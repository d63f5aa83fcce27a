-- fct_experiment_stats now carries its outcome sums forward: for each of the day's buyers it reads
-- that buyer's earlier orders of the advertiser, by member. Orders are about 1% of the loaded rows,
-- so this B-tree costs the load next to nothing (V1_4 dropped the much busier ad-events one).
create index transactions_member on raw.transactions (member_id);
