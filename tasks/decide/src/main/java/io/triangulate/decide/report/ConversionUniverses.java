package io.triangulate.decide.report;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Which conversions each of the report's numbers counts, so the headline, the channel table and the
 * attribution section can say so and be reconciled in one table (issue 17):
 *
 * <ul>
 *   <li>platform last touch: orders the ad platform credits to a campaign, a click within the click
 *       window or else an impression within the view window before the order, from its own logs;
 *   <li>stitched journeys: every order and web purchase of the advertiser by an identity-resolved
 *       person with any touch (platform ads, TV, streaming, web visits) within the journey lookback;
 *       the attribution models split those between campaigns and channels;
 *   <li>experiments: the orders the campaigns caused, treated minus ghost-ad control;
 *   <li>calibrated attribution: the models' journey credit scaled by the experiments.
 * </ul>
 *
 * Platform numbers come from the channel KPIs the report already has; the rest from the marts.
 * NaN where the task that writes a number has not run.
 *
 * @param creditLow the smallest of the models' credit summed over the experimented campaigns
 * @param calibratedLow the smallest of the models' calibrated credit over the same campaigns
 */
public record ConversionUniverses(
    int clickWindowDays,
    int viewWindowDays,
    Integer lookbackDays,
    double journeyConversions,
    int models,
    double creditLow,
    double creditHigh,
    int campaigns,
    double experimentOrders,
    double experimentLow,
    double experimentHigh,
    double calibratedLow,
    double calibratedHigh) {

  /** Experiments per campaign (segment 'all'); the campaigns' 95% half-widths add in quadrature. */
  private static final String EXPERIMENTS_SQL =
      """
      select count(*) as campaigns, sum(incremental_orders) as orders,
             sqrt(sum(power(incremental_orders - incremental_orders_ci_low, 2))) as below,
             sqrt(sum(power(incremental_orders_ci_high - incremental_orders, 2))) as above
      from marts.experiment_lift
      where ds = ? and segment_type = 'all' and incremental_orders is not null and incremental_orders_ci_low is not null""";

  /** The models' credit and calibrated credit summed over the experimented campaigns, per model. */
  private static final String CREDIT_SQL =
      """
      select v.model, sum(v.credited_conversions) as credited, sum(k.calibrated_conversions) as calibrated
      from marts.attribution_vs_experiment v
      left join marts.attribution_calibrated k
        on k.ds = v.ds and k.scope = 'campaign' and k.scope_id = v.scope_id and k.model = v.model
      where v.ds = ? and v.scope = 'campaign'
      group by v.model""";

  public static ConversionUniverses load(DSLContext dsl, LocalDate ds, int clickWindowDays, int viewWindowDays) {
    Record e = dsl.fetchSingle(EXPERIMENTS_SQL, ds);
    double orders = num(e.get("orders", Double.class));
    Record run = dsl.fetchOptional("select conversions, lookback_days from marts.attribution_runs where ds = ? and level = 'campaign'", ds)
        .orElse(null);
    List<Record> credit = dsl.fetch(CREDIT_SQL, ds);
    return new ConversionUniverses(clickWindowDays, viewWindowDays,
        run == null ? null : run.get("lookback_days", Integer.class),
        run == null ? Double.NaN : num(run.get("conversions", Double.class)), credit.size(),
        extreme(credit, "credited", true), extreme(credit, "credited", false), e.get("campaigns", Integer.class), orders,
        orders - num(e.get("below", Double.class)), orders + num(e.get("above", Double.class)),
        extreme(credit, "calibrated", true), extreme(credit, "calibrated", false));
  }

  boolean hasJourneys() {
    return models > 0 && Double.isFinite(creditLow);
  }

  boolean hasCalibration() {
    return models > 0 && Double.isFinite(calibratedLow);
  }

  private static double extreme(List<Record> rows, String field, boolean min) {
    return rows.stream().map(r -> r.get(field, Double.class)).filter(v -> v != null && Double.isFinite(v))
        .mapToDouble(Double::doubleValue).reduce(min ? Math::min : Math::max).orElse(Double.NaN);
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }
}
