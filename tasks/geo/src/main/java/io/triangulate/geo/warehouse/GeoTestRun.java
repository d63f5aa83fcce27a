package io.triangulate.geo.warehouse;

import io.triangulate.geo.stats.Estimate;
import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.GeoAnalyzer;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoOptions;
import io.triangulate.geo.stats.GeoPanel;
import io.triangulate.geo.stats.GeoTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The geo tests of the warehouse, analysed: reads each test's plan (advertiser, channel, treated
 * markets, window) and the advertiser's market × week panel from marts.geo_weekly (outcome:
 * revenue; spend: the tested channel's), runs {@link GeoAnalyzer}, and replaces
 * marts.geo_results and marts.geo_result_periods in one transaction.
 *
 * <p>The plans come from staging.stg_geo_test_plans, the advertisers' own records of the tests
 * they planned (the {@code geo_test_plans} landing file: treated markets, window, channel,
 * intervention); nothing here reads the simulator's truth. Incremental spend is estimated from the
 * data (treated minus synthetic spend, same weights), and iROAS is incremental revenue over it, so a
 * switch-off (both negative) has a positive iROAS.
 */
public final class GeoTestRun {

  /** A planned test to analyse, as the advertiser recorded it. */
  public record Plan(
      String testId, String advertiserId, String channel, List<String> treated, LocalDate start, LocalDate end,
      double spendMultiplier, double plannedSpendChange) {}

  /** One analysed test with its iROAS (null when the spend change is 0 or unknown). */
  public record Result(Plan plan, GeoAnalysis analysis, Estimate iroas) {}

  private GeoTestRun() {}

  /** Every plan of staging.stg_geo_test_plans, in test id order. */
  public static List<Plan> plans(DSLContext dsl) {
    List<Plan> plans = new ArrayList<>();
    for (Record r : dsl.resultQuery(
        "select test_id, advertiser_id, channel, treated_markets, start_week, end_week, spend_multiplier,"
            + " planned_spend_change from staging.stg_geo_test_plans order by test_id")) {
      plans.add(new Plan(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
          java.util.Arrays.stream(r.get(3, String.class).split(";")).map(GeoTestRun::upper).toList(),
          r.get(4, LocalDate.class), r.get(5, LocalDate.class), r.get(6, Double.class), r.get(7, Double.class)));
    }
    return plans;
  }

  private static String upper(String id) {
    return id.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /** The advertiser's balanced market × week panel of revenue and the channel's spend, up to {@code end}. */
  public static GeoPanel panel(DSLContext dsl, String advertiserId, String channel, LocalDate end) {
    String spendColumn = switch (channel) {
      case "linear_tv" -> "linear_tv_spend";
      case "streaming" -> "streaming_spend";
      case "ooh" -> "ooh_spend";
      default -> throw new IllegalArgumentException("geo test channel must be linear_tv, streaming or ooh, got " + channel);
    };
    Map<String, Map<LocalDate, double[]>> cells = new TreeMap<>();
    TreeSet<LocalDate> weeks = new TreeSet<>();
    for (Record r : dsl.resultQuery("select market_id, week_start, revenue, " + spendColumn
        + " from marts.geo_weekly where advertiser_id = ? and week_start <= ?", advertiserId, end)) {
      LocalDate week = r.get(1, LocalDate.class);
      weeks.add(week);
      cells.computeIfAbsent(r.get(0, String.class), k -> new TreeMap<>())
          .put(week, new double[] {r.get(2, Double.class), r.get(3, Double.class)});
    }
    List<String> markets = new ArrayList<>(cells.keySet());
    List<LocalDate> dates = new ArrayList<>(weeks);
    double[][] outcome = new double[markets.size()][dates.size()];
    double[][] spend = new double[markets.size()][dates.size()];
    for (int i = 0; i < markets.size(); i++) {
      Map<LocalDate, double[]> byWeek = cells.get(markets.get(i));
      for (int t = 0; t < dates.size(); t++) {
        double[] v = byWeek.get(dates.get(t));
        if (v == null) {
          throw new IllegalArgumentException("marts.geo_weekly has no row for advertiser " + advertiserId + ", market "
              + markets.get(i) + ", week " + dates.get(t) + ": a geo panel needs every market in every week");
        }
        outcome[i][t] = v[0];
        spend[i][t] = v[1];
      }
    }
    return new GeoPanel(markets, dates, outcome, spend);
  }

  /** Analyses one test on its panel (pure). */
  public static Result analyse(Plan plan, GeoPanel panel, GeoMethod method, double confidence) {
    GeoAnalysis a = GeoAnalyzer.analyze(panel, new GeoTest(plan.treated(), plan.start(), plan.end()),
        new GeoOptions(method, confidence, true, Double.NaN));
    double spend = a.incrementalSpend();
    Estimate iroas = Double.isFinite(spend) && spend != 0 ? a.incremental().times(1 / spend) : null;
    return new Result(plan, a, iroas);
  }

  /** Replaces marts.geo_results and marts.geo_result_periods with {@code results}; returns result rows written. */
  public static int replace(DSLContext dsl, List<Result> results) {
    dsl.transaction(tx -> {
      DSLContext t = tx.dsl();
      t.execute("delete from marts.geo_result_periods");
      t.execute("delete from marts.geo_results");
      for (Result r : results) {
        Plan p = r.plan();
        GeoAnalysis a = r.analysis();
        Estimate iroas = r.iroas() == null ? new Estimate(Double.NaN, Double.NaN, Double.NaN) : r.iroas();
        t.execute("insert into marts.geo_results (advertiser_id, channel, treated_markets, start_date, end_date, method,"
                + " confidence, pre_periods, test_periods, att, att_low, att_high, incremental_revenue, incremental_low,"
                + " incremental_high, lift, lift_low, lift_high, incremental_spend, iroas, iroas_low, iroas_high,"
                + " pre_r_squared, pre_rmse, p_value, test_id, spend_multiplier, planned_spend_change)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            p.advertiserId(), p.channel(), String.join(";", p.treated()), p.start(), a.testEnd(),
            a.method().label(), a.confidence(), a.prePeriods(), a.testPeriods(),
            a.att().value(), nullable(a.att().low()), nullable(a.att().high()),
            a.incremental().value(), nullable(a.incremental().low()), nullable(a.incremental().high()),
            nullable(a.lift().value()), nullable(a.lift().low()), nullable(a.lift().high()),
            nullable(a.incrementalSpend()), nullable(iroas.value()), nullable(iroas.low()), nullable(iroas.high()),
            nullable(a.preFit().rSquared()), nullable(a.preFit().rmse()), nullable(a.pValue()), p.testId(),
            nullable(p.spendMultiplier()), nullable(p.plannedSpendChange()));
        for (var e : a.periods()) {
          t.execute("insert into marts.geo_result_periods (advertiser_id, channel, start_date, period, test, treated,"
                  + " synthetic, effect, effect_low, effect_high, cumulative, cumulative_low, cumulative_high)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              p.advertiserId(), p.channel(), p.start(), e.date(), e.test(), e.treated(), e.synthetic(), e.effect(),
              nullable(e.effectLow()), nullable(e.effectHigh()), nullable(e.cumulative()), nullable(e.cumulativeLow()),
              nullable(e.cumulativeHigh()));
        }
      }
    });
    return results.size();
  }

  private static Double nullable(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
