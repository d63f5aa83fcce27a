-- Issue 12: the simulator's heterogeneous effects per member and its creatives' true effects.

-- Every creative's true effect on click-through and on its campaign's lift (multipliers of mean 1
-- within the campaign: members shown the creative click ctr_multiplier × and respond
-- lift_multiplier × as much as the campaign's average creative).
create table truth.creative_params (
    creative_id          text primary key,
    campaign_id          text not null,
    true_ctr_multiplier  double precision not null,
    true_lift_multiplier double precision not null
);

-- Each reached audience member's true incremental orders and revenue from a campaign over its
-- flight and adstock tail, had the member been treated (for control members the counterfactual
-- from the same exposure draws). Over the treated members it adds up to the campaign's
-- truth.campaign_daily. Written on the campaign's last effect day (or the period's last day).
create table truth.member_uplift (
    campaign_id              text not null,
    member_id                text not null,
    arm                      text not null,
    creative_id              text not null,
    true_incremental_orders  double precision not null,
    true_incremental_revenue double precision not null,
    primary key (campaign_id, member_id)
);
