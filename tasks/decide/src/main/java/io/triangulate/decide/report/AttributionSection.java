package io.triangulate.decide.report;

import static io.triangulate.decide.report.Html.coord;
import static io.triangulate.decide.report.Html.esc;
import static io.triangulate.decide.report.Html.num;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The report's attribution section: credit shares by channel under every model beside the
 * experiments, how far each model is from the experiments, the seed regression and the identity
 * match rates. Rendering is pure; {@link #load} reads the marts.
 */
public final class AttributionSection {

  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#2f4b7c", "#a05195"};
  private static final String EXPERIMENT_COLOR = "#111111";
  private static final int LABEL = 160;
  private static final int PLOT = 640;

  private AttributionSection() {}

  public static Optional<String> load(DSLContext dsl, LocalDate ds) {
    return new AttributionReportReader(dsl).read(ds).map(AttributionSection::render);
  }

  static String render(AttributionReportData d) {
    StringBuilder h = new StringBuilder(32_000);
    h.append("<h2>Attribution models versus experiments</h2><p class=\"note\"><b>Basis: stitched journeys</b>, not the ")
        .append("platform's last touch of the headline (see “Which conversions each number counts” above). Journeys stitched ")
        .append("across platform ads, linear TV, streaming and web visits by identity resolution")
        .append(d.lookbackDays() == null ? "" : ", each conversion with the touches of the " + d.lookbackDays() + " days before it")
        .append(", from ").append(d.windowStart()).append(" to ")
        .append(d.ds()).append(": ").append(num(d.conversions(), 0)).append(" converting journeys, ")
        .append(num(d.nulls(), 0)).append(" without conversion. Each model splits the same conversions between channels; ")
        .append("the black bar is each experimented channel's share of the incremental orders the experiments measured. ")
        .append("Models that credit a channel far above its experimental share over-attribute to it.")
        .append(d.dataDrivenAuc() == null ? "" : " Data-driven model: held-out AUC " + num(d.dataDrivenAuc(), 3) + ".")
        .append("</p>");
    shareChart(h, d);
    scoreTable(h, d);
    calibratedTable(h, d);
    campaignTable(h, d);
    regression(h, d.regression());
    matchTable(h, d.matchRates());
    return h.toString();
  }

  private static void shareChart(StringBuilder h, AttributionReportData d) {
    List<String> models = d.models();
    int bars = models.size() + 1;
    int group = bars * 7 + 10;
    int width = LABEL + PLOT + 20;
    int legendRows = legendRows(models, width);
    int height = 30 + d.channels().size() * group + 52 + LEGEND_ROW * legendRows;
    h.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        width, height, width, height));
    double max = 0;
    for (Map<String, Double> byChannel : d.channelShares().values()) {
      for (double v : byChannel.values()) {
        max = Math.max(max, v);
      }
    }
    for (double v : d.experimentShares().values()) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    double top = Math.max(0.05, Math.ceil(max * 10) / 10);
    for (int t = 0; t <= 5; t++) {
      double value = top * t / 5;
      double x = LABEL + value / top * PLOT;
      int axis = height - 42 - LEGEND_ROW * legendRows;
      h.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"20\" x2=\"%s\" y2=\"%d\" stroke=\"#e3e6ea\"/>"
          + "<text x=\"%s\" y=\"%d\" class=\"t\">%s%%</text>", coord(x), coord(x), axis - 14, coord(x), axis,
          num(100 * value, 0)));
    }
    for (int c = 0; c < d.channels().size(); c++) {
      String channel = d.channels().get(c);
      double y0 = 30 + c * group;
      h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" class=\"l\" text-anchor=\"end\">%s</text>",
          LABEL - 8, coord(y0 + group / 2.0), esc(channel)));
      for (int m = 0; m < models.size(); m++) {
        Double share = d.channelShares().getOrDefault(models.get(m), Map.of()).get(channel);
        bar(h, y0 + m * 7, share == null ? 0 : share, top, PALETTE[m % PALETTE.length], models.get(m));
      }
      Double experiment = d.experimentShares().get(channel);
      if (experiment != null && !Double.isNaN(experiment)) {
        bar(h, y0 + models.size() * 7, experiment, top, EXPERIMENT_COLOR, "experiments");
      }
    }
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"t axis\">share of the model's credited "
        + "conversions (%%; black: share of the experiments' incremental orders)</text>", LABEL + PLOT / 2,
        height - 24 - LEGEND_ROW * legendRows));
    int x = LEGEND_LEFT;
    int ly = height - 8 - LEGEND_ROW * (legendRows - 1);
    for (int m = 0; m <= models.size(); m++) {
      String name = m < models.size() ? models.get(m) : "experiments";
      String color = m < models.size() ? PALETTE[m % PALETTE.length] : EXPERIMENT_COLOR;
      if (x + legendItemWidth(name) > width) {
        x = LEGEND_LEFT;
        ly += LEGEND_ROW;
      }
      h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"8\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" class=\"l\" style=\"font-size:10px\">%s</text>", x, ly - 8, color, x + 13, ly, esc(name)));
      x += legendItemWidth(name);
    }
    h.append("</svg>");
  }

  private static final int LEGEND_LEFT = 10;
  private static final int LEGEND_ROW = 16;

  /** Swatch, gap and the name at about 6 px a character (10 px font). */
  private static int legendItemWidth(String name) {
    return 14 + name.length() * 6 + 8;
  }

  /** Rows the legend of the models plus the experiments needs at {@code width}. */
  private static int legendRows(List<String> models, int width) {
    int rows = 1;
    int x = LEGEND_LEFT;
    for (int m = 0; m <= models.size(); m++) {
      int item = legendItemWidth(m < models.size() ? models.get(m) : "experiments");
      if (x + item > width) {
        rows++;
        x = LEGEND_LEFT;
      }
      x += item;
    }
    return rows;
  }

  private static void bar(StringBuilder h, double y, double share, double top, String color, String model) {
    h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%s\" width=\"%s\" height=\"6\" fill=\"%s\"><title>%s: %s%%</title></rect>",
        LABEL, coord(y), coord(Math.max(0, share) / top * PLOT), color, esc(model), num(100 * share, 1)));
  }

  private static void scoreTable(StringBuilder h, AttributionReportData d) {
    if (d.scores().isEmpty()) {
      return;
    }
    h.append("<h3>Which model is closest to the experiments</h3><p class=\"note\">Over the campaigns with an experiment: ")
        .append("mean absolute difference between credited conversions and incremental orders, the ratio of the totals ")
        .append("(above 1: the model over-credits the ads) and how many credits fall inside the experiment's 95% interval.</p>")
        .append("<table><tr><th>rank</th><th class=\"t\">model</th><th>mean abs. error (orders)</th>")
        .append("<th>credited ÷ incremental</th><th>inside interval</th></tr>");
    for (AttributionReportData.ModelScoreRow s : d.scores()) {
      h.append("<tr><td>").append(s.rank()).append("</td><td class=\"t\">").append(esc(s.model())).append("</td><td>")
          .append(num(s.meanAbsError(), 1)).append("</td><td>").append(num(s.ratio(), 2)).append("×</td><td>")
          .append(s.within()).append(" of ").append(s.campaigns()).append("</td></tr>");
    }
    h.append("</table>");
  }

  /** Models shown one per column in the campaign table: the best ranked; the others as a range. */
  static final int CAMPAIGN_TABLE_MODELS = 3;

  /** The models in rank order (the score table's), else alphabetical. */
  private static List<String> ranked(AttributionReportData d) {
    if (d.scores().isEmpty()) {
      return d.models();
    }
    return d.scores().stream().map(AttributionReportData.ModelScoreRow::model).toList();
  }

  private static void campaignTable(StringBuilder h, AttributionReportData d) {
    if (d.campaigns().isEmpty()) {
      return;
    }
    List<String> ranked = ranked(d);
    List<String> shown = ranked.subList(0, Math.min(CAMPAIGN_TABLE_MODELS, ranked.size()));
    List<String> others = ranked.subList(shown.size(), ranked.size());
    String best = ranked.isEmpty() ? null : ranked.get(0);
    Map<String, AttributionReportData.Calibrated> calibrated = new java.util.HashMap<>();
    for (AttributionReportData.Calibrated c : d.calibrated()) {
      if (c.scope().equals("campaign") && c.model().equals(best)) {
        calibrated.put(c.scopeId(), c);
      }
    }
    h.append("<h3>Credit per campaign beside incremental orders</h3><p class=\"note\">Credited conversions under the ")
        .append(shown.size()).append(" models closest to the experiments")
        .append(others.isEmpty() ? "" : " and the range of the other " + others.size())
        .append("; the closest model per campaign; and ").append(esc(best))
        .append("'s credit calibrated by the experiments (95% bootstrap interval). Every model's credit per campaign is ")
        .append("in attribution_vs_experiment.csv and attribution_calibrated.csv.</p><table><tr><th class=\"t\">campaign</th>")
        .append("<th class=\"t\">channel</th><th>incremental orders (95% CI)</th>");
    for (String model : shown) {
      h.append("<th>").append(esc(model)).append("</th>");
    }
    if (!others.isEmpty()) {
      h.append("<th>other ").append(others.size()).append(" models</th>");
    }
    h.append("<th class=\"t\">closest</th>");
    if (!calibrated.isEmpty()) {
      h.append("<th>calibrated ").append(esc(best)).append(" (95% CI)</th>");
    }
    h.append("</tr>");
    for (AttributionReportData.CampaignComparison c : d.campaigns()) {
      h.append("<tr><td class=\"t\">").append(esc(c.campaignId())).append("</td><td class=\"t\">").append(esc(c.channel()))
          .append("</td><td>").append(num(c.incremental(), 1)).append(" (").append(num(c.low(), 1)).append(" to ")
          .append(num(c.high(), 1)).append(")</td>");
      for (String model : shown) {
        Double v = c.credited().get(model);
        h.append("<td>").append(v == null ? "–" : num(v, 1)).append("</td>");
      }
      if (!others.isEmpty()) {
        double lo = others.stream().map(c.credited()::get).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue)
            .min().orElse(Double.NaN);
        double hi = others.stream().map(c.credited()::get).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue)
            .max().orElse(Double.NaN);
        h.append("<td>").append(num(lo, 0)).append("–").append(num(hi, 0)).append("</td>");
      }
      h.append("<td class=\"t\">").append(esc(c.closestModel())).append("</td>");
      if (!calibrated.isEmpty()) {
        AttributionReportData.Calibrated k = calibrated.get(c.campaignId());
        h.append("<td>").append(k == null ? "–" : num(k.calibrated(), 1) + " (" + num(k.low(), 0) + " to " + num(k.high(), 0) + ")")
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
  }

  /** The closest model's calibrated credit per channel and in total, with where each factor comes from. */
  private static void calibratedTable(StringBuilder h, AttributionReportData d) {
    List<String> ranked = ranked(d);
    if (ranked.isEmpty() || d.calibrated().isEmpty()) {
      return;
    }
    String best = ranked.get(0);
    List<AttributionReportData.Calibrated> rows = d.calibrated().stream()
        .filter(c -> c.model().equals(best) && !c.scope().equals("campaign"))
        .sorted(java.util.Comparator.comparing((AttributionReportData.Calibrated c) -> c.scope().equals("total"))
            .thenComparing(AttributionReportData.Calibrated::scopeId))
        .toList();
    if (rows.isEmpty()) {
      return;
    }
    h.append("<h3>Calibrated attribution</h3><p class=\"note\">").append(esc(best)).append("'s journey credit scaled to ")
        .append("the experiments. Each campaign's factor is its experiment's incremental orders ÷ the model's credit, shrunk ")
        .append("toward its channel's factor, and each channel's toward the global one, by how noisy the experiments are ")
        .append("(empirical-Bayes partial pooling); media without an experiment (linear TV, streaming) take the pooled ")
        .append("factor. Intervals: 95% parametric bootstrap over the experiments' sampling error. A campaign calibrated by ")
        .append("its own experiment mostly repeats the experiment; the leave-one-out column calibrates each campaign with its ")
        .append("own experiment left out, which is what calibration can do for a campaign without one. Web visits are not ")
        .append("media and are not calibrated.</p><table><tr><th class=\"t\">channel</th><th>credited</th>")
        .append("<th>experiments' incremental orders</th><th>factor (95% CI)</th><th class=\"t\">factor from</th>")
        .append("<th>calibrated (95% CI)</th><th>leave-one-out</th></tr>");
    for (AttributionReportData.Calibrated c : rows) {
      boolean total = c.scope().equals("total");
      h.append("<tr><td class=\"t\">").append(total ? "<b>all media</b>" : esc(c.scopeId())).append("</td><td>")
          .append(num(c.credited(), 0)).append("</td><td>").append(num(c.experimentOrders(), 1)).append("</td><td>")
          .append(num(c.factor(), 3)).append(" (").append(num(c.factorLow(), 3)).append(" to ").append(num(c.factorHigh(), 3))
          .append(")</td><td class=\"t\">").append(esc(source(c.source()))).append("</td><td>").append(num(c.calibrated(), 1))
          .append(" (").append(num(c.low(), 0)).append(" to ").append(num(c.high(), 0)).append(")</td><td>")
          .append(num(c.loo(), 1)).append("</td></tr>");
    }
    h.append("</table>");
  }

  private static String source(String source) {
    return switch (source) {
      case "experiment" -> "own experiments";
      case "channel_pool" -> "channel's experiments";
      case "global_pool" -> "all experiments";
      default -> "mixed";
    };
  }

  private static void regression(StringBuilder h, AttributionReportData.Regression r) {
    if (r == null) {
      return;
    }
    h.append("<h3>Seed analysis: purchase value on TV and streaming exposure</h3><p class=\"note\">OLS over ")
        .append(String.format(Locale.ROOT, "%,d", r.observations())).append(" resolved persons: purchase value on ")
        .append("time-decayed exposure credit (half-life ").append(num(r.halfLifeDays(), 0)).append(" days), with the ")
        .append("person's platform ad touches as a control. R² ").append(num(r.r2(), 3)).append(", adjusted R² ")
        .append(num(r.adjR2(), 3)).append(", residual standard error ").append(num(r.residualSe(), 2))
        .append(". Observational: exposure is not randomized, so coefficients are associations.</p>")
        .append("<table><tr><th class=\"t\">term</th><th>coefficient</th><th>std. error</th><th>95% interval</th>")
        .append("<th>p-value</th><th>VIF</th></tr>");
    for (AttributionReportData.Term t : r.terms()) {
      h.append("<tr><td class=\"t\">").append(esc(t.term())).append("</td><td>").append(num(t.coefficient(), 3))
          .append("</td><td>").append(num(t.stdError(), 3)).append("</td><td>").append(num(t.low(), 3)).append(" to ")
          .append(num(t.high(), 3)).append("</td><td>").append(num(t.pValue(), 4)).append("</td><td>")
          .append(num(t.vif(), 2)).append("</td></tr>");
    }
    h.append("</table>");
    qqPlot(h, r);
  }

  /**
   * Standardized residual quantiles (residual ÷ residual SE) against standard-normal quantiles, each
   * axis scaled to its own range (one long tail would otherwise squeeze every other point into a
   * corner), with the y = x line of normal residuals over the range both axes share.
   */
  private static void qqPlot(StringBuilder h, AttributionReportData.Regression r) {
    if (r.qq().isEmpty()) {
      return;
    }
    int width = 640;
    int height = 420;
    int left = 64;
    int right = 20;
    int top = 16;
    int bottom = height - 52;
    double scale = r.residualSe() > 0 ? r.residualSe() : 1;
    double[] xs = r.qq().stream().mapToDouble(p -> p[0]).toArray();
    double[] ys = r.qq().stream().mapToDouble(p -> p[1] / scale).toArray();
    double[] xr = Charts.range(xs);
    double[] yr = Charts.range(ys);
    java.util.function.DoubleUnaryOperator px = v -> left + (v - xr[0]) / (xr[1] - xr[0]) * (width - left - right);
    java.util.function.DoubleUnaryOperator py = v -> bottom - (v - yr[0]) / (yr[1] - yr[0]) * (bottom - top);
    h.append("<p class=\"note\">Residual Q-Q plot: standardized residual quantiles against normal quantiles; points on the ")
        .append("diagonal mean normal residuals, a curve away from it skewed or heavy-tailed ones.</p>")
        .append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" data-xy=\"1\">",
            width, height, width, height));
    for (double t : Charts.ticks(xr)) {
      h.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"%s\"/>"
          + "<text x=\"%s\" y=\"%d\" class=\"t\">%s</text>", coord(px.applyAsDouble(t)), top, coord(px.applyAsDouble(t)),
          bottom, t == 0 ? "#999" : "#e3e6ea", coord(px.applyAsDouble(t)), bottom + 14, num(t, 1)));
    }
    for (double t : Charts.ticks(yr)) {
      h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\"/>"
          + "<text x=\"%d\" y=\"%s\" class=\"t\" text-anchor=\"end\" style=\"text-anchor:end\">%s</text>", left,
          coord(py.applyAsDouble(t)), width - right, coord(py.applyAsDouble(t)), t == 0 ? "#999" : "#e3e6ea", left - 6,
          coord(py.applyAsDouble(t) + 4), num(t, 1)));
    }
    double lo = Math.max(xr[0], yr[0]);
    double hi = Math.min(xr[1], yr[1]);
    if (hi > lo) {
      h.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#cf222e\" "
          + "stroke-dasharray=\"4 3\"/>", coord(px.applyAsDouble(lo)), coord(py.applyAsDouble(lo)),
          coord(px.applyAsDouble(hi)), coord(py.applyAsDouble(hi))));
    }
    for (int i = 0; i < xs.length; i++) {
      h.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"#2f6fdf\"/>",
          coord(px.applyAsDouble(xs[i])), coord(py.applyAsDouble(ys[i]))));
    }
    double middle = (top + bottom) / 2.0;
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"t axis\">normal quantile (standard deviations)</text>",
            (left + width - right) / 2, bottom + 34))
        .append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%s\" class=\"t axis\" transform=\"rotate(-90 16 %s)\">"
            + "standardized residual (residual ÷ residual SE)</text>", coord(middle), coord(middle)))
        .append("</svg>");
  }

  private static void matchTable(StringBuilder h, List<AttributionReportData.MatchRate> rates) {
    if (rates.isEmpty()) {
      return;
    }
    h.append("<h3>Identity match rates</h3><p class=\"note\">Share of each source's rows whose id resolves to a member ")
        .append("(households and devices: to at least one linked member), all days to date. Unmatched TV and streaming ")
        .append("exposure cannot be joined to any purchase.</p><table><tr><th class=\"t\">source</th><th class=\"t\">id</th>")
        .append("<th>rows</th><th>matched</th><th>match rate</th></tr>");
    for (AttributionReportData.MatchRate m : rates) {
      h.append("<tr><td class=\"t\">").append(esc(m.source())).append("</td><td class=\"t\">").append(esc(m.idKind()))
          .append("</td><td>").append(String.format(Locale.ROOT, "%,d", m.rows())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%,d", m.matched())).append("</td><td>")
          .append(num(m.rows() == 0 ? Double.NaN : 100.0 * m.matched() / m.rows(), 1)).append("%</td></tr>");
    }
    h.append("</table>");
  }
}
