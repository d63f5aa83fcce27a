package io.triangulate.decide.report;

import io.triangulate.geo.report.GeoChart;
import io.triangulate.geo.stats.Estimate;
import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.PeriodEffect;
import io.triangulate.geo.stats.PreFit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The report's geo section: per geo test of marts.geo_results (`geo test`) its read-out (incremental
 * revenue, lift and iROAS with intervals, pre-period fit, p-value) and {@link GeoChart}'s plot of
 * treated vs synthetic control and the cumulative effect with its band, from
 * marts.geo_result_periods. Rendering is pure; {@link #load} reads the marts.
 */
public final class GeoSection {

  private static final String RESULTS_SQL =
      """
      select advertiser_id, channel, treated_markets, start_date, end_date, method, confidence, pre_periods,
             test_periods, att, att_low, att_high, incremental_revenue, incremental_low, incremental_high, lift,
             lift_low, lift_high, incremental_spend, iroas, iroas_low, iroas_high, pre_r_squared, pre_rmse, p_value
      from marts.geo_results
      order by advertiser_id, channel, start_date""";

  private static final String PERIODS_SQL =
      """
      select period, test, treated, synthetic, effect, effect_low, effect_high, cumulative, cumulative_low,
             cumulative_high
      from marts.geo_result_periods
      where advertiser_id = ? and channel = ? and start_date = ?
      order by period""";

  /** One test as stored, with the analysis rebuilt for the chart (donor weights and warnings are not stored). */
  record Test(String advertiserId, String channel, GeoAnalysis analysis, Estimate iroas, double pValue) {}

  private GeoSection() {}

  public static Optional<String> load(DSLContext dsl) {
    List<Test> tests = new ArrayList<>();
    for (Record r : dsl.fetch(RESULTS_SQL)) {
      String advertiser = r.get("advertiser_id", String.class);
      String channel = r.get("channel", String.class);
      LocalDate start = r.get("start_date", LocalDate.class);
      List<PeriodEffect> periods = new ArrayList<>();
      for (Record p : dsl.fetch(PERIODS_SQL, advertiser, channel, start)) {
        periods.add(new PeriodEffect(p.get("period", LocalDate.class), p.get("test", Boolean.class),
            num(p, "treated"), num(p, "synthetic"), num(p, "effect"), num(p, "effect_low"), num(p, "effect_high"),
            num(p, "cumulative"), num(p, "cumulative_low"), num(p, "cumulative_high")));
      }
      GeoAnalysis a = new GeoAnalysis(GeoMethod.parse(r.get("method", String.class)), num(r, "confidence"),
          Arrays.asList(r.get("treated_markets", String.class).split(";")), start, r.get("end_date", LocalDate.class),
          r.get("pre_periods", Integer.class), r.get("test_periods", Integer.class),
          estimate(r, "att", "att_low", "att_high"), estimate(r, "incremental_revenue", "incremental_low", "incremental_high"),
          estimate(r, "lift", "lift_low", "lift_high"), num(r, "incremental_spend"), null, num(r, "p_value"), Double.NaN,
          true, new PreFit(num(r, "pre_rmse"), num(r, "pre_r_squared"), Double.NaN, List.of(), 0, List.of()), periods);
      tests.add(new Test(advertiser, channel, a, estimate(r, "iroas", "iroas_low", "iroas_high"), num(r, "p_value")));
    }
    return tests.isEmpty() ? Optional.empty() : Optional.of(render(tests));
  }

  static String render(List<Test> tests) {
    StringBuilder h = new StringBuilder();
    h.append("<h2>Geo tests: synthetic control read-outs</h2><p class=\"note\">Each test's treated markets against a")
        .append(" synthetic control built from the other markets before the test; incremental revenue is the sum over")
        .append(" the treated markets and test weeks, iROAS its ratio to the spend change (treated minus synthetic")
        .append(" spend, negative for a switch-off). Intervals are conformal, at the level shown.</p>");
    h.append("<table><tr><th class=\"t\">advertiser</th><th class=\"t\">channel</th><th class=\"t\">treated</th>")
        .append("<th class=\"t\">window</th><th>incremental revenue</th><th>interval</th><th>lift</th><th>iROAS</th>")
        .append("<th>interval</th><th>pre R²</th><th>p</th></tr>");
    for (Test t : tests) {
      GeoAnalysis a = t.analysis();
      h.append("<tr><td class=\"t\">").append(Html.esc(t.advertiserId())).append("</td><td class=\"t\">")
          .append(Html.esc(t.channel())).append("</td><td class=\"t\">").append(Html.esc(String.join(", ", a.treated())))
          .append("</td><td class=\"t\">").append(a.testStart()).append(" to ").append(a.testEnd()).append("</td><td>")
          .append(Html.money(a.incremental().value())).append("</td><td>[").append(Html.money(a.incremental().low()))
          .append(", ").append(Html.money(a.incremental().high())).append("] ").append(Html.num(100 * a.confidence(), 0))
          .append("%</td><td>").append(Html.num(100 * a.lift().value(), 1)).append("%</td><td>")
          .append(Html.num(t.iroas().value(), 2)).append("</td><td>[").append(Html.num(t.iroas().low(), 2)).append(", ")
          .append(Html.num(t.iroas().high(), 2)).append("]</td><td>").append(Html.num(a.preFit().rSquared(), 3))
          .append("</td><td>").append(Html.num(t.pValue(), 3)).append("</td></tr>");
    }
    h.append("</table>");
    for (Test t : tests) {
      if (t.analysis().periods().isEmpty()) {
        continue;
      }
      h.append("<div class=\"chart\">").append(GeoChart.svg(t.analysis(),
          t.advertiserId() + " " + t.channel() + " geo test: " + String.join(", ", t.analysis().treated()), "revenue"))
          .append("</div>");
    }
    return h.toString();
  }

  private static Estimate estimate(Record r, String value, String low, String high) {
    return new Estimate(num(r, value), num(r, low), num(r, high));
  }

  private static double num(Record r, String field) {
    Double v = r.get(field, Double.class);
    return v == null ? Double.NaN : v;
  }
}
