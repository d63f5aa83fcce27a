package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.ATTRIBUTION_VS_EXPERIMENT;
import static io.triangulate.db.marts.Tables.CAMPAIGN_DECISIONS;
import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;
import static io.triangulate.db.marts.Tables.FCT_CHANNEL_DAILY;
import static io.triangulate.db.marts.Tables.FCT_CREATIVE_DAILY;
import static io.triangulate.db.marts.Tables.MMM_CHANNEL_SUMMARY;
import static io.triangulate.serve.ApiServerIT.insert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * A small seeded warehouse for the dashboard: four campaigns on four channels over 14 days, their
 * lift (whole campaign and by region) with fixed-horizon and always-valid intervals, decisions,
 * attribution credit of three models, creatives, an MMM summary and {@link MmmFixture}'s model, and
 * two alerts. Every number comes from one seeded generator: the same seed, the same warehouse.
 */
final class SmallWarehouse {

  static final LocalDate START = LocalDate.of(2026, 1, 5);
  static final int DAYS = 14;
  static final LocalDate LAST = START.plusDays(DAYS - 1);
  static final List<String> CAMPAIGNS = List.of("C01", "C02", "C03", "C04");
  static final List<String> CHANNELS = List.of("onsite_search", "onsite_display", "offsite_social", "email");

  private SmallWarehouse() {}

  static void seed(DSLContext dsl, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int day = 0; day < DAYS; day++) {
      LocalDate d = START.plusDays(day);
      for (int c = 0; c < CAMPAIGNS.size(); c++) {
        String campaign = CAMPAIGNS.get(c);
        for (int k = 1; k <= 2; k++) {
          long impressions = 2000 + rng.nextInt(1000);
          long clicks = impressions * (10 + rng.nextInt(20)) / 1000;
          insert(dsl, FCT_CREATIVE_DAILY, Map.of("ds", d, "creative_id", "CR0" + (c + 1) + "0" + k, "campaign_id", campaign,
              "channel", CHANNELS.get(c), "creative_name", campaign + " creative " + k, "format", k == 1 ? "banner" : "video",
              "impressions", impressions, "clicks", clicks, "spend", impressions * 0.004));
        }
      }
      for (String channel : CHANNELS) {
        insert(dsl, FCT_CHANNEL_DAILY, Map.of("ds", d, "channel", channel, "campaigns", 1L,
            "spend", BigDecimal.valueOf(80 + rng.nextInt(40)), "attributed_revenue", BigDecimal.valueOf(150 + rng.nextInt(150))));
      }
    }
    String[] recommendation = {"increase_budget", "maintain", "monitor", "reduce_budget"};
    for (int c = 0; c < CAMPAIGNS.size(); c++) {
      String campaign = CAMPAIGNS.get(c);
      double lift = 0.012 - 0.006 * c + 0.002 * rng.nextDouble();
      double half = 0.006;
      insert(dsl, FCT_CAMPAIGN_TO_DATE, Map.of("ds", LAST, "campaign_id", campaign, "channel", CHANNELS.get(c),
          "campaign_name", "Campaign " + campaign, "start_date", START, "end_date", LAST,
          "daily_budget", new BigDecimal("100.00"), "spend", BigDecimal.valueOf(1400 - 100 * c),
          "attributed_revenue", BigDecimal.valueOf(4000 - 500 * c)));
      Map<String, Object> decision = new HashMap<>(Map.of("ds", LAST, "campaign_id", campaign, "channel", CHANNELS.get(c),
          "campaign_name", "Campaign " + campaign, "spend", 1400.0 - 100 * c, "incremental_revenue", 3000.0 - 900 * c,
          "incremental_roas", (3000.0 - 900 * c) / (1400 - 100 * c), "incrementality_rank", c + 1));
      decision.putAll(Map.of("efficiency_flag", c == 0 ? "high_impact" : "low_impact", "recommendation", recommendation[c],
          "budget_change", c == 0 ? 280.0 : c == 3 ? -550.0 : 0.0));
      insert(dsl, CAMPAIGN_DECISIONS, decision);
      Map<String, Object> row = new HashMap<>(Map.of("ds", LAST, "campaign_id", campaign, "segment_type", "all", "segment_value", "all",
          "treated_n", 9000L, "control_n", 1000L, "abs_lift", lift, "abs_lift_ci_low", lift - half, "abs_lift_ci_high", lift + half));
      row.putAll(Map.of("seq_abs_lift_ci_low", lift - 1.6 * half, "seq_abs_lift_ci_high", lift + 1.6 * half,
          "seq_status", lift - 1.6 * half > 0 ? "stop_positive" : "continue", "p_value", 0.01 + 0.2 * c,
          "incremental_orders", 60.0 - 30 * c, "incremental_orders_ci_low", 30.0 - 30 * c, "incremental_orders_ci_high", 90.0 - 30 * c));
      insert(dsl, EXPERIMENT_LIFT, row);
      for (String region : List.of("east", "north", "south", "west")) {
        double l = lift + 0.004 * (rng.nextDouble() - 0.5);
        insert(dsl, EXPERIMENT_LIFT, Map.of("ds", LAST, "campaign_id", campaign, "segment_type", "region", "segment_value", region,
            "abs_lift", l, "abs_lift_ci_low", l - 2 * half, "abs_lift_ci_high", l + 2 * half));
      }
      List<String> models = List.of("last_touch", "linear", "markov");
      for (int m = 0; m < models.size(); m++) {
        double credited = 150 - 20 * c + 15 * m + 10 * rng.nextDouble();
        double incremental = 60.0 - 30 * c;
        insert(dsl, ATTRIBUTION_VS_EXPERIMENT, Map.of("ds", LAST, "scope", "campaign", "scope_id", campaign, "channel", CHANNELS.get(c),
            "model", models.get(m), "credited_conversions", credited, "incremental_orders", incremental,
            "incremental_orders_ci_low", incremental - 30, "incremental_orders_ci_high", incremental + 30,
            "attribution_ratio", incremental > 0 ? credited / incremental : Double.NaN));
      }
    }
    for (String ch : List.of("search", "tv")) {
      insert(dsl, MMM_CHANNEL_SUMMARY, Map.of("ds", LAST, "grain", "weekly", "model", "ridge", "channel", ch,
          "spend", 800.0, "roas", 4.2, "roas_low", 2.9, "roas_high", 5.6));
    }
    MmmFixture.store(dsl, LAST);
    alerts(dsl);
  }

  /**
   * Two alerts. {@code marts.alerts} belongs to the alerting task: when its migration has created
   * the table, rows go in through its real columns (neutral values for the rest); otherwise a table
   * with the columns the dashboard expects stands in, as the API reads whatever is there.
   */
  private static void alerts(DSLContext dsl) {
    var existing = dsl.meta().getSchemas("marts").stream().flatMap(s -> s.getTables().stream())
        .filter(t -> t.getName().equals("alerts")).findFirst();
    Table<?> alerts;
    if (existing.isPresent()) {
      alerts = existing.get();
    } else {
      dsl.execute("create table marts.alerts (ds date, campaign_id text, channel text, metric text, since date,"
          + " severity text, message text, suggested_action text)");
      alerts = dsl.meta().getSchemas("marts").stream().flatMap(s -> s.getTables().stream())
          .filter(t -> t.getName().equals("alerts")).findFirst().orElseThrow();
    }
    insert(dsl, alerts, Map.of("ds", LAST, "campaign_id", "C02", "channel", "onsite_display", "metric", "orders",
        "since", LAST.minusDays(2), "severity", "high", "message", "orders 40% under forecast", "suggested_action", "check tracking"));
    insert(dsl, alerts, Map.of("ds", LAST, "campaign_id", "C03", "channel", "offsite_social", "metric", "spend",
        "since", LAST, "severity", "low", "message", "spend 25% over forecast", "suggested_action", "review pacing"));
  }
}
