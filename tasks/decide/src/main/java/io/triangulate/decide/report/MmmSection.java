package io.triangulate.decide.report;

import static io.triangulate.decide.report.Html.esc;
import static io.triangulate.decide.report.Html.money;
import static io.triangulate.decide.report.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The report's marketing-mix section: pure, data in, HTML out. */
public final class MmmSection {

  private static final List<String> SHOWN_METRICS = List.of(
      "r_squared", "mape", "nrmse", "cv_r_squared", "cv_mape", "mape_lift", "rhat_max", "ess_min", "divergences",
      "ppc_coverage_90");

  /** Thresholds of the sampler's own checks (ConvergenceDiagnostics): past them the posterior is not trustworthy. */
  private static final double MAX_RHAT = 1.01;
  private static final double MIN_ESS = 100;

  private MmmSection() {}

  /** A visible warning when the Bayesian fit's chains did not converge, as the fit printed it. */
  static Optional<String> convergenceWarning(List<MmmReportData.Metric> metrics) {
    double rhat = Double.NaN;
    double ess = Double.NaN;
    double divergences = 0;
    for (MmmReportData.Metric m : metrics) {
      if (!"bayesian".equals(m.model())) {
        continue;
      }
      switch (m.metric()) {
        case "rhat_max" -> rhat = m.value();
        case "ess_min" -> ess = m.value();
        case "divergences" -> divergences = m.value();
        default -> { }
      }
    }
    List<String> problems = new ArrayList<>();
    if (rhat > MAX_RHAT) {
      problems.add("R-hat " + num(rhat, 3) + " above " + MAX_RHAT);
    }
    if (ess < MIN_ESS) {
      problems.add("effective sample size " + num(ess, 0) + " below " + num(MIN_ESS, 0));
    }
    if (divergences > 0) {
      problems.add(num(divergences, 0) + " divergent transitions");
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("<p class=\"warn\"><b>Warning:</b> the Bayesian chains did not converge ("
        + esc(String.join(", ", problems)) + "): its intervals and contributions are not trustworthy. Refit with more "
        + "warm-up and draws (<code>mmm fit --warehouse --warmup … --draws … --chains …</code>).</p>");
  }

  public static String render(MmmReportData d) {
    StringBuilder h = new StringBuilder(32_000);
    h.append("<h2>Marketing mix model</h2><p class=\"note\">Top-down: all orders' ").append("revenue per ")
        .append(d.grain().equals("weekly") ? "week" : "day").append(" from ").append(d.periodStart()).append(" to ")
        .append(d.periodEnd()).append(" (").append(d.dates().size()).append(" periods) regressed on spend per channel with ")
        .append("carryover (adstock) and diminishing returns (saturation), calibrated with the experiments. ROAS is the ")
        .append("channel's modelled revenue per unit of spend with a 90% interval; a short window gives wide intervals, ")
        .append("and an MMM needs many periods of varied spend to separate channels. Intervals that run off the chart end in an arrow with their upper bound.</p>");
    convergenceWarning(d.metrics()).ifPresent(h::append);
    h.append(MmmCharts.roas(d.roas()));
    h.append("<h3>Fit quality</h3>").append(metricTable(d.metrics()));
    if (!d.dates().isEmpty()) {
      h.append("<h3>Predicted against actual (").append(esc(d.primaryModel())).append(")</h3>");
      h.append(MmmCharts.fit(d.dates(), d.actual(), d.fitted(), d.fittedLow(), d.fittedHigh()));
      h.append("<h3>Decomposition over time</h3><p class=\"note\">Each period's prediction split into baseline, trend, ")
          .append("calendar controls and the channels' contributions (measured against zero spend).</p>");
      h.append(MmmCharts.decomposition(d.dates(), d.decomposition()));
    }
    if (!d.curves().isEmpty()) {
      h.append("<h3>Response curves</h3><p class=\"note\">Expected incremental revenue per period at a steady spend per ")
          .append("period, with the 90% band; the line marks today's mean spend. Where the curve flattens, the next unit ")
          .append("of spend earns less (marginal ROAS).</p>");
      h.append(MmmCharts.curves(d.curves()));
    }
    h.append(channelTable(d.roas()));
    if (!d.truth().isEmpty()) {
      h.append(truthTable(d.truth()));
    }
    if (!d.closedLoop().isEmpty()) {
      h.append("<h3>Closed loop: the plans re-simulated</h3><p class=\"note\">Each budget scenario's spend split was fed back ")
          .append("into the simulator over the same window; realised is the simulator's expected revenue change without ")
          .append("sampling noise, predicted is the model's (steady-state) forecast with its 90% interval.</p>");
      h.append("<table><tr><th class=\"t\">scenario</th><th>current spend</th><th>planned spend</th><th>realised change</th>")
          .append("<th>predicted change (90% interval)</th></tr>");
      for (MmmReportData.Loop l : d.closedLoop()) {
        h.append("<tr><td class=\"t\">").append(esc(l.scenario())).append("</td><td>").append(money(l.currentSpend()))
            .append("</td><td>").append(money(l.plannedSpend())).append("</td><td>").append(money(l.realizedChange()))
            .append("</td><td>").append(money(l.predictedChange())).append(" (").append(money(l.predictedLow()))
            .append(" to ").append(money(l.predictedHigh())).append(")</td></tr>");
      }
      h.append("</table>");
    }
    return h.toString();
  }

  private static String metricTable(List<MmmReportData.Metric> metrics) {
    Map<String, Map<String, Double>> byModel = new TreeMap<>();
    for (MmmReportData.Metric m : metrics) {
      if (SHOWN_METRICS.contains(m.metric())) {
        byModel.computeIfAbsent(m.model(), k -> new TreeMap<>()).put(m.metric(), m.value());
      }
    }
    StringBuilder h = new StringBuilder("<table><tr><th class=\"t\">model</th>");
    for (String metric : SHOWN_METRICS) {
      h.append("<th>").append(esc(metric)).append("</th>");
    }
    h.append("</tr>");
    byModel.forEach((model, values) -> {
      h.append("<tr><td class=\"t\">").append(esc(model)).append("</td>");
      for (String metric : SHOWN_METRICS) {
        h.append("<td>").append(values.containsKey(metric) ? num(values.get(metric), 3) : "–").append("</td>");
      }
      h.append("</tr>");
    });
    return h.append("</table>").toString();
  }

  /** The simulator's truth beside each estimate: ROAS with its interval and coverage, contribution shares. */
  static String truthTable(List<MmmReportData.Truth> rows) {
    StringBuilder h = new StringBuilder("<h3>MMM against the simulator's truth</h3><p class=\"note\">True ROAS is the ")
        .append("simulator's incremental revenue over the fitted window ÷ spend; true share is that revenue ÷ the window's ")
        .append("revenue. Scored by <code>triangulate evaluate</code>.</p>")
        .append("<table><tr><th class=\"t\">channel</th><th class=\"t\">model</th><th>true ROAS</th>")
        .append("<th>estimate (90% interval)</th><th>covered</th><th>true share</th><th>estimated share</th></tr>");
    for (MmmReportData.Truth r : rows) {
      h.append("<tr><td class=\"t\">").append(esc(r.channel())).append("</td><td class=\"t\">").append(esc(r.model()))
          .append("</td><td>").append(num(r.trueRoas(), 2)).append("</td><td>").append(num(r.roas(), 2)).append(" (")
          .append(num(r.low(), 2)).append(" to ").append(num(r.high(), 2)).append(")</td><td>")
          .append(r.covered() ? "yes" : "<b>no</b>").append("</td><td>").append(num(100 * r.trueShare(), 1))
          .append("%</td><td>").append(num(100 * r.share(), 1)).append("%</td></tr>");
    }
    for (String model : rows.stream().map(MmmReportData.Truth::model).distinct().toList()) {
      List<MmmReportData.Truth> mine = rows.stream().filter(r -> r.model().equals(model)).toList();
      long covered = mine.stream().filter(MmmReportData.Truth::covered).count();
      h.append("<tr><td class=\"t\" colspan=\"7\">").append(esc(model)).append(": ").append(covered).append(" of ")
          .append(mine.size()).append(" true ROAS inside the 90% interval</td></tr>");
    }
    return h.append("</table>").toString();
  }

  private static String channelTable(List<MmmReportData.Roas> rows) {
    StringBuilder h = new StringBuilder("<h3>Channels</h3><table><tr><th class=\"t\">channel</th><th class=\"t\">model</th>")
        .append("<th>spend</th><th>share of revenue</th><th>ROAS (90% interval)</th><th>marginal ROAS</th></tr>");
    for (MmmReportData.Roas r : rows) {
      h.append("<tr><td class=\"t\">").append(esc(r.channel())).append("</td><td class=\"t\">").append(esc(r.model()))
          .append("</td><td>").append(money(r.spend())).append("</td><td>").append(num(100 * r.contributionShare(), 1))
          .append("%</td><td>").append(num(r.roas(), 2)).append(" (").append(num(r.low(), 2)).append(" to ")
          .append(num(r.high(), 2)).append(")</td><td>").append(num(r.mroas(), 2)).append("</td></tr>");
    }
    return h.append("</table>").toString();
  }
}
