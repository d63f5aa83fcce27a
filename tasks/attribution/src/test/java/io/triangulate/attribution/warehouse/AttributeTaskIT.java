package io.triangulate.attribution.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.triangulate.attribution.AttributeCommand;
import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attribute --ds} end to end on the fixtures of {@link JourneyModelsIT}, plus one experiment. */
class AttributeTaskIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  @TempDir static Path configs;
  static DSLContext dsl;

  @BeforeAll
  static void world() throws IOException {
    Progress.setQuiet(true);
    dsl = DB.dsl();
    CommonOptions.beginSession(DB.database());
    Fixtures.load(dsl);
    // C02 (email): the experiment measured 0.5 incremental orders [-1, 2] and 10 revenue [-20, 40].
    dsl.execute("""
        insert into marts.experiment_lift (ds, campaign_id, segment_type, segment_value, treated_n, control_n,
            treated_converters, control_converters, incremental_orders, incremental_orders_ci_low,
            incremental_orders_ci_high, incremental_revenue, incremental_revenue_ci_low, incremental_revenue_ci_high)
        values ('2026-01-03', 'C02', 'all', 'all', 100, 100, 3, 2, 0.5, -1, 2, 10, -20, 40)""");
    Files.writeString(configs.resolve("attribution.yaml"), """
        journeys: {lookback_days: 1, max_touches: 20}
        models: {window_days: 365, run: [last_touch, linear, markov_1], half_life_days: 7, position_weights: [0.4, 0.2, 0.4]}
        seed_regression: {half_life_days: 7, fit_on: saturday}  # 2026-01-03, the last fixture day
        """);
    for (String day : List.of("2026-01-01", "2026-01-02", "2026-01-03")) {
      assertEquals(0, run("--ds", day, "--config-dir", configs.toString()));
    }
  }

  @AfterAll
  static void endSession() {
    CommonOptions.endSession();
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new AttributeCommand());
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  private static List<String> rows(String sql, Object... binds) {
    return dsl.fetch(sql, binds).map(r -> r.get(0, String.class));
  }

  @Test
  void creditsThePathsOfTheWindow() {
    // Paths up to day 3: web_search-ending (50), linear_tv > streaming > streaming (30),
    // web_direct (12.5) convert; streaming and onsite_search alone do not.
    assertEquals(List.of("streaming|1|30|0.333", "web_direct|1|12.5|0.333", "web_search|1|50|0.333"),
        rows("select concat_ws('|', label, conversions, value, round(share::numeric, 3)) from marts.attribution_credit"
            + " where ds = '2026-01-03' and level = 'channel' and model = 'last_touch' and conversions > 0 order by label"));
    assertEquals(List.of("channel|5|3|0|2", "campaign|5|3|0|2"),
        rows("select concat_ws('|', level, paths, conversions, 0, nulls) from marts.attribution_runs"
            + " where ds = '2026-01-03' order by level desc"));
    // linear gives C02 one fifth of the 50-value conversion
    assertEquals(List.of("0.2|10"),
        rows("select concat_ws('|', conversions, value) from marts.attribution_credit"
            + " where ds = '2026-01-03' and level = 'campaign' and model = 'linear' and label = 'C02'"));
  }

  @Test
  void comparesCampaignCreditWithTheExperiment() {
    // last_touch gives C02 nothing (error 0.5), linear 0.2 (error 0.3, calibration 0.5 / 0.2 = 2.5);
    // markov_1's removal-effect credit (0.474, the core's exact solve, tested in MarkovModelTest) is closest.
    assertEquals(
        List.of("campaign|C02|last_touch|0.000|0.500|f", "campaign|C02|linear|0.200|0.300|f",
            "campaign|C02|markov_1|0.474|0.026|t", "channel|email|last_touch|0.000|0.500|f",
            "channel|email|linear|0.200|0.300|f", "channel|email|markov_1|0.474|0.026|t"),
        rows("select concat_ws('|', scope, scope_id, model, round(credited_conversions::numeric, 3),"
            + " round(abs_error::numeric, 3), closest) from marts.attribution_vs_experiment"
            + " where ds = '2026-01-03' order by scope, model"));
    assertEquals(List.of("2.500"), rows("select round(calibration_factor::numeric, 3) from marts.attribution_vs_experiment"
        + " where ds = '2026-01-03' and scope = 'campaign' and model = 'linear'"));
    assertEquals(List.of("markov_1|1", "linear|2", "last_touch|3"),
        rows("select concat_ws('|', model, rank) from marts.attribution_model_scores where ds = '2026-01-03' order by rank"));
  }

  /**
   * One experiment (C02: 0.5 incremental orders, 95% CI -1 to 2) and linear's credit 0.2: the pool has
   * one factor, 2.5, so C02's calibrated credit is the experiment's 0.5, every other media label gets
   * 2.5 × its credit, and with nothing else to pool from the left-out factor is undefined. A draw of
   * the bootstrap is the experiment redrawn (sd 3 / 3.92 = 0.765), so the interval is the experiment's
   * own, up to Monte Carlo error (about 0.07 over 1,000 draws). last_touch gives C02 no credit: no
   * factor at all.
   */
  @Test
  void calibratesCreditByTheExperiment() {
    assertEquals(List.of("C02|email|experiment|0.500|2.500"),
        rows("select concat_ws('|', scope_id, channel, factor_source, round(calibrated_conversions::numeric, 3),"
            + " round(factor::numeric, 3)) from marts.attribution_calibrated"
            + " where ds = '2026-01-03' and model = 'linear' and scope = 'campaign' and scope_id = 'C02'"));
    var c02 = dsl.fetchSingle("select calibrated_ci_low, calibrated_ci_high, loo_factor from marts.attribution_calibrated"
        + " where ds = '2026-01-03' and model = 'linear' and scope = 'campaign' and scope_id = 'C02'");
    assertEquals(-1.0, c02.get(0, Double.class), 0.2);
    assertEquals(2.0, c02.get(1, Double.class), 0.2);
    assertEquals(null, c02.get(2, Double.class));
    assertEquals(List.of(), rows("select scope_id from marts.attribution_calibrated where ds = '2026-01-03'"
        + " and model = 'linear' and scope = 'campaign' and factor_source = 'experiment' and scope_id <> 'C02'"));
    assertEquals(List.of(), rows("select scope_id from marts.attribution_calibrated where ds = '2026-01-03'"
        + " and model = 'linear' and abs(calibrated_conversions - 2.5 * credited_conversions) > 1e-9"));
    assertEquals(List.of(), rows("select scope_id from marts.attribution_calibrated where ds = '2026-01-03'"
        + " and scope_id like 'web_%'"), "web visits are not media");
    assertEquals(List.of("last_touch|0", "linear|1", "markov_1|1"),
        rows("select concat_ws('|', model, experiments) from marts.attribution_calibration_fit"
            + " where ds = '2026-01-03' order by model"));
  }

  @Test
  void rerunningADayLeavesIdenticalResults() {
    String checksum = "select md5(string_agg(t::text, ',' order by t::text)) from %s t where ds = '2026-01-03'";
    List<String> tables = List.of("marts.attribution_credit", "marts.attribution_removal_effects",
        "marts.attribution_transitions", "marts.attribution_vs_experiment", "marts.attribution_calibrated", "marts.journeys");
    List<String> before = tables.stream().map(t -> dsl.fetchSingle(checksum.formatted(t)).get(0, String.class)).toList();
    assertEquals(0, run("--ds", "2026-01-03", "--config-dir", configs.toString()));
    List<String> after = tables.stream().map(t -> dsl.fetchSingle(checksum.formatted(t)).get(0, String.class)).toList();
    assertEquals(before, after);
  }
}
