-- Issue 12: the member's main device and the creatives' call to action and video length, features
-- of the uplift and creative-insights models. Nullable: rows loaded before these columns existed
-- have none.
alter table raw.members add column device text;
alter table raw.creatives add column call_to_action text;
alter table raw.creatives add column length_seconds integer;
