-- Issue 11: experimentation depth. CUPED covariate sums, sample-ratio, sequential, multiple-testing,
-- Bayesian, ratio-metric and LTV read-outs beside the fixed-horizon lift; and the design at launch.

-- The member's orders of the campaign's advertiser in the pre-period before the first exposure
-- (configs/marts.yaml experiments.pre_period_days). Null on rows written before this migration.
alter table marts.fct_experiment_first_exposure
    add column pre_orders integer;

-- CUPED sufficient statistics (X = pre_orders): ΣX, ΣX², ΣX·converted, ΣX·orders; and Σ revenue·orders
-- for the delta method's revenue per order. Null on rows
-- written before this migration: the next build recounts those campaigns.
alter table marts.fct_experiment_stats
    add column pre_orders             bigint,
    add column pre_orders_sq          bigint,
    add column pre_orders_x_converted bigint,
    add column pre_orders_x_orders    bigint,
    add column revenue_x_orders       numeric; -- Σ revenue·orders per member (exact), for revenue per order

alter table marts.experiment_lift
    -- Sample-ratio mismatch of the exposed arms against the planned holdout share (whole campaign
    -- only); the threshold that flags it is decide's (configs/decisions.yaml srm_max_p_value).
    add column planned_control_share       double precision,
    add column srm_chi_square              double precision,
    add column srm_p_value                 double precision,
    -- CUPED (covariate: pre-period orders) on the conversion rate and on orders per member.
    add column cuped_abs_lift              double precision,
    add column cuped_abs_lift_ci_low       double precision,
    add column cuped_abs_lift_ci_high      double precision,
    add column cuped_p_value               double precision,
    add column cuped_variance_reduction    double precision, -- 1 − var(adjusted) / var(unadjusted), conversion
    add column cuped_incremental_orders         double precision,
    add column cuped_incremental_orders_ci_low  double precision,
    add column cuped_incremental_orders_ci_high double precision,
    add column cuped_orders_variance_reduction  double precision,
    -- Always-valid (mSPRT) interval and p-value of the absolute conversion lift, for daily peeking.
    add column seq_abs_lift_ci_low         double precision,
    add column seq_abs_lift_ci_high        double precision,
    add column seq_p_value                 double precision,
    add column seq_status                  text,  -- stop_positive, stop_negative or continue
    -- Multiple testing: across the segments of a campaign (one family per segment type), and across
    -- campaigns on the 'all' segment (null on other segments).
    add column p_value_bh                  double precision,
    add column p_value_holm                double precision,
    add column p_value_bh_campaigns        double precision,
    add column p_value_holm_campaigns      double precision,
    add column bh_significant              boolean,
    -- Bayesian read-out of the conversion rates (Beta priors, configs/experiments.yaml; whole campaign only).
    add column bayes_prob_beat_control     double precision,
    add column bayes_expected_loss         double precision,
    -- Ratio metrics by the delta method.
    add column treated_revenue_per_order   double precision,
    add column control_revenue_per_order   double precision,
    add column revenue_per_order_diff      double precision,
    add column revenue_per_order_diff_ci_low  double precision,
    add column revenue_per_order_diff_ci_high double precision,
    add column orders_per_member_diff      double precision,
    add column orders_per_member_diff_ci_low  double precision,
    add column orders_per_member_diff_ci_high double precision,
    -- LTV uplift: revenue per exposed member, treated − control, over the days of the 90-day window
    -- observed so far (ltv_horizon_days).
    add column ltv_horizon_days            integer,
    add column ltv_uplift                  double precision,
    add column ltv_uplift_ci_low           double precision,
    add column ltv_uplift_ci_high          double precision;

-- The decision's view of the sample-ratio check: flagged campaigns are never scaled up.
alter table marts.campaign_decisions
    add column srm_p_value double precision,
    add column srm_flag    boolean not null default false;

-- Each campaign's design at launch: what its planned holdout can detect, from the warehouse's
-- baseline for the advertiser before the start (written by `experiments --ds` on the start day).
create table marts.experiment_design (
    campaign_id            text primary key,
    design_ds              date not null,
    advertiser_id          text not null,
    planned_control_share  double precision not null,
    baseline_members       bigint not null,   -- members the baseline was measured on
    baseline_rate          double precision,  -- share buying from the advertiser in the window
    baseline_window_days   integer not null,
    planned_days           integer not null,
    expected_exposed       bigint not null,   -- members the flight is expected to expose (audience estimate)
    alpha                  double precision not null,
    power                  double precision not null,
    mde_abs                double precision,  -- minimum detectable absolute lift at that power
    mde_rel                double precision,
    required_treated       bigint,            -- treated members to detect the target lift
    required_control       bigint,
    required_days          integer,
    target_rel_lift        double precision not null,
    notes                  text not null
);
