-- Member and creative attributes that the uplift and creative-insights models use, in views of
-- their own (so the members and creatives views keep their columns whatever order the repeatable
-- migrations run in). A row loaded before raw had these columns has them null.
create schema if not exists staging;

create or replace view staging.stg_member_features as
select
    member_id,
    lower(region)                       as region,
    age_band,
    lower(loyalty_tier)                 as loyalty_tier,
    coalesce(lower(device), 'unknown')  as device,
    signup_date
from raw.members;

create or replace view staging.stg_creative_features as
select
    creative_id,
    campaign_id,
    format,
    headline,
    coalesce(split_part(tags, '|', 1), '')                    as primary_tag,
    coalesce(nullif(split_part(tags, '|', 2), ''), 'none')    as secondary_tag,
    coalesce(call_to_action, 'unknown')                       as call_to_action,
    coalesce(length_seconds, 0)                               as length_seconds,
    coalesce(array_length(regexp_split_to_array(trim(coalesce(headline, '')), '\s+'), 1), 0) as headline_words,
    coalesce(headline ~ '[0-9]+%', false)                     as headline_has_discount
from raw.creatives;
