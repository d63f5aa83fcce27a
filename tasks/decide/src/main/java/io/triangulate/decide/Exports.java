package io.triangulate.decide;

import io.triangulate.core.csv.CsvWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;

/**
 * The CSV files stakeholders get, read from the marts for one decision date. Column lists are the
 * output contract (README, "Outputs"); member ids never appear in them.
 */
public final class Exports {

  public static final String RECOMMENDATIONS = "campaign_recommendations.csv";
  public static final String LIFT = "experiment_lift.csv";
  public static final String KPI_SUMMARY = "kpi_summary.csv";
  public static final String DAILY_TRENDS = "daily_trends.csv";
  public static final String ATTRIBUTION = "attribution_credit.csv";
  public static final String ATTRIBUTION_VS_EXPERIMENT = "attribution_vs_experiment.csv";
  public static final String ATTRIBUTION_CALIBRATED = "attribution_calibrated.csv";

  /** Every model's credit per channel and per campaign (written by `attribute --ds`). */
  private static final String ATTRIBUTION_SQL =
      """
      select level, model, label, conversions, value, share
      from marts.attribution_credit
      where ds = ?
      order by level, model, label""";

  /** Model credit beside the experiments, per campaign and channel, with calibration factors. */
  private static final String ATTRIBUTION_VS_EXPERIMENT_SQL =
      """
      select scope, scope_id, channel, model, credited_conversions, credited_value, incremental_orders,
             incremental_orders_ci_low, incremental_orders_ci_high, incremental_revenue, incremental_revenue_ci_low,
             incremental_revenue_ci_high, attribution_ratio, calibration_factor, value_calibration_factor, abs_error,
             within_interval, closest
      from marts.attribution_vs_experiment
      where ds = ?
      order by scope, scope_id, model""";

  /** Every model's credit scaled by the experiments (pooled factors, bootstrap intervals, leave-one-out). */
  private static final String ATTRIBUTION_CALIBRATED_SQL =
      """
      select scope, scope_id, channel, model, credited_conversions, experiment_orders, factor, factor_ci_low,
             factor_ci_high, factor_source, calibrated_conversions, calibrated_ci_low, calibrated_ci_high, loo_factor,
             loo_calibrated_conversions
      from marts.attribution_calibrated
      where ds = ?
      order by case scope when 'campaign' then 0 when 'channel' then 1 else 2 end, scope_id, model""";

  private static final String RECOMMENDATIONS_SQL =
      """
      select campaign_id, campaign_name, channel, spend, attributed_revenue, attributed_roas,
             incremental_revenue, incremental_roas, incremental_roas_ci_low, incremental_roas_ci_high,
             abs_lift, abs_lift_ci_low, abs_lift_ci_high, p_value, over_attribution,
             incrementality_rank, efficiency_flag, recommendation, budget_change, reason, srm_p_value, srm_flag
      from marts.campaign_decisions
      where ds = ?
      order by incrementality_rank""";

  private static final String LIFT_SQL =
      """
      select l.campaign_id, c.campaign_name, c.channel, l.segment_type, l.segment_value,
             l.treated_n, l.control_n, l.treated_converters, l.control_converters,
             l.treated_rate, l.control_rate, l.abs_lift, l.abs_lift_ci_low, l.abs_lift_ci_high,
             l.rel_lift, l.rel_lift_ci_low, l.rel_lift_ci_high, l.p_value,
             l.incremental_conversions, l.incremental_orders, l.incremental_orders_ci_low,
             l.incremental_orders_ci_high, l.incremental_revenue, l.incremental_revenue_ci_low,
             l.incremental_revenue_ci_high, l.spend, l.incremental_roas, l.incremental_roas_ci_low,
             l.incremental_roas_ci_high,
             l.planned_control_share, l.srm_chi_square, l.srm_p_value,
             l.cuped_abs_lift, l.cuped_abs_lift_ci_low, l.cuped_abs_lift_ci_high, l.cuped_p_value,
             l.cuped_variance_reduction, l.cuped_incremental_orders, l.cuped_incremental_orders_ci_low,
             l.cuped_incremental_orders_ci_high, l.cuped_orders_variance_reduction,
             l.seq_abs_lift_ci_low, l.seq_abs_lift_ci_high, l.seq_p_value, l.seq_status,
             l.p_value_bh, l.p_value_holm, l.p_value_bh_campaigns, l.p_value_holm_campaigns, l.bh_significant,
             l.bayes_prob_beat_control, l.bayes_expected_loss,
             l.treated_revenue_per_order, l.control_revenue_per_order, l.revenue_per_order_diff,
             l.revenue_per_order_diff_ci_low, l.revenue_per_order_diff_ci_high,
             l.orders_per_member_diff, l.orders_per_member_diff_ci_low, l.orders_per_member_diff_ci_high,
             l.ltv_horizon_days, l.ltv_uplift, l.ltv_uplift_ci_low, l.ltv_uplift_ci_high
      from marts.experiment_lift l
      join marts.fct_campaign_to_date c on c.ds = l.ds and c.campaign_id = l.campaign_id
      where l.ds = ?
      order by l.campaign_id,
               case l.segment_type when 'all' then 0 when 'region' then 1 when 'age_band' then 2 else 3 end,
               l.segment_value""";

  /** Channel KPIs over every built day up to the decision date, plus an 'all' row. */
  private static final String KPI_SQL =
      """
      select coalesce(channel, 'all') as channel,
             sum(impressions) as impressions, sum(clicks) as clicks, sum(spend) as spend,
             sum(attributed_orders) as attributed_orders, sum(attributed_revenue) as attributed_revenue,
             sum(clicks)::double precision / nullif(sum(impressions), 0) as ctr,
             sum(attributed_orders)::double precision / nullif(sum(clicks), 0) as cvr,
             sum(spend)::double precision / nullif(sum(clicks), 0) as cpc,
             1000 * sum(spend)::double precision / nullif(sum(impressions), 0) as cpm,
             sum(spend)::double precision / nullif(sum(attributed_orders), 0) as cpo,
             sum(attributed_revenue)::double precision / nullif(sum(spend), 0) as roas
      from marts.fct_channel_daily
      where ds <= ?
      group by rollup (channel)
      order by channel is null, channel""";

  private static final String TRENDS_SQL =
      """
      select ds, active_campaigns, impressions, clicks, spend, attributed_orders, attributed_revenue,
             total_orders, total_revenue, buyers, ctr, cpm, roas, attributed_share_of_revenue
      from marts.fct_platform_daily
      where ds <= ?
      order by ds""";

  private final DSLContext dsl;

  public Exports(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Writes all exports for {@code ds} into {@code dir}; returns the files written. */
  public List<Path> writeAll(LocalDate ds, Path dir) {
    return List.of(
        write(RECOMMENDATIONS_SQL, ds, dir.resolve(RECOMMENDATIONS)),
        write(LIFT_SQL, ds, dir.resolve(LIFT)),
        write(KPI_SQL, ds, dir.resolve(KPI_SUMMARY)),
        write(TRENDS_SQL, ds, dir.resolve(DAILY_TRENDS)),
        write(ATTRIBUTION_SQL, ds, dir.resolve(ATTRIBUTION)),
        write(ATTRIBUTION_VS_EXPERIMENT_SQL, ds, dir.resolve(ATTRIBUTION_VS_EXPERIMENT)),
        write(ATTRIBUTION_CALIBRATED_SQL, ds, dir.resolve(ATTRIBUTION_CALIBRATED)));
  }

  public Result<Record> kpiSummary(LocalDate ds) {
    return dsl.fetch(KPI_SQL, ds);
  }

  private Path write(String sql, LocalDate ds, Path file) {
    Result<Record> rows = dsl.fetch(sql, ds);
    List<String> header = Arrays.stream(rows.fields()).map(Field::getName).toList();
    try (CsvWriter w = CsvWriter.open(file, header)) {
      for (Record r : rows) {
        w.row(r.intoArray());
      }
    }
    return file;
  }
}
