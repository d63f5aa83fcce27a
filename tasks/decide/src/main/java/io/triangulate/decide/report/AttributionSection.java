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
    h.append("<h2>Attribution models versus experiments</h2><p class=\"note\">Journeys stitched across platform ads, ")
        .append("linear TV, streaming and web visits by identity resolution, from ").append(d.windowStart()).append(" to ")
        .append(d.ds()).append(": ").append(num(d.conversions(), 0)).append(" converting journeys, ")
        .append(num(d.nulls(), 0)).append(" without conversion. Each model splits the same conversions between channels; ")
        .append("the black bar is each experimented channel's share of the incremental orders the experiments measured. ")
        .append("Models that credit a channel far above its experimental share over-attribute to it.")
        .append(d.dataDrivenAuc() == null ? "" : " Data-driven model: held-out AUC " + num(d.dataDrivenAuc(), 3) + ".")
        .append("</p>");
    shareChart(h, d);
    scoreTable(h, d);
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
    int height = 30 + d.channels().size() * group + 36 + LEGEND_ROW * legendRows;
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
      int axis = height - 26 - LEGEND_ROW * legendRows;
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

  private static void campaignTable(StringBuilder h, AttributionReportData d) {
    if (d.campaigns().isEmpty()) {
      return;
    }
    h.append("<h3>Credit per campaign beside incremental orders</h3><p class=\"note\">Credited conversions under each ")
        .append("model; the calibration factor (incremental ÷ credited) of the closest model scales its credit to the ")
        .append("experiment.</p><table><tr><th class=\"t\">campaign</th><th class=\"t\">channel</th>")
        .append("<th>incremental orders (95% CI)</th>");
    for (String model : d.models()) {
      h.append("<th>").append(esc(model)).append("</th>");
    }
    h.append("<th class=\"t\">closest</th><th>calibration</th></tr>");
    for (AttributionReportData.CampaignComparison c : d.campaigns()) {
      h.append("<tr><td class=\"t\">").append(esc(c.campaignId())).append("</td><td class=\"t\">").append(esc(c.channel()))
          .append("</td><td>").append(num(c.incremental(), 1)).append(" (").append(num(c.low(), 1)).append(" to ")
          .append(num(c.high(), 1)).append(")</td>");
      for (String model : d.models()) {
        Double v = c.credited().get(model);
        h.append("<td>").append(v == null ? "–" : num(v, 1)).append("</td>");
      }
      Double factor = c.closestModel() == null ? null : c.calibration().get(c.closestModel());
      h.append("<td class=\"t\">").append(esc(c.closestModel())).append("</td><td>")
          .append(factor == null ? "–" : num(factor, 2)).append("</td></tr>");
    }
    h.append("</table>");
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

  private static void qqPlot(StringBuilder h, AttributionReportData.Regression r) {
    if (r.qq().isEmpty()) {
      return;
    }
    int size = 260;
    int pad = 36;
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    double scale = r.residualSe() > 0 ? r.residualSe() : 1;
    for (double[] p : r.qq()) {
      lo = Math.min(lo, Math.min(p[0], p[1] / scale));
      hi = Math.max(hi, Math.max(p[0], p[1] / scale));
    }
    double span = hi - lo == 0 ? 1 : hi - lo;
    final double low = lo;
    java.util.function.DoubleUnaryOperator px = v -> pad + (v - low) / span * (size - 2 * pad);
    java.util.function.DoubleUnaryOperator py = v -> size - pad - (v - low) / span * (size - 2 * pad);
    h.append(String.format(Locale.ROOT,
        "<p class=\"note\">Residual Q-Q plot: standardized residual quantiles against normal quantiles; points on the "
            + "diagonal mean normal residuals.</p><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
        size, size));
    h.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#999\"/>",
        coord(px.applyAsDouble(lo)), coord(py.applyAsDouble(lo)), coord(px.applyAsDouble(hi)), coord(py.applyAsDouble(hi))));
    for (double[] p : r.qq()) {
      h.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"#2f6fdf\"/>",
          coord(px.applyAsDouble(p[0])), coord(py.applyAsDouble(p[1] / scale))));
    }
    h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"t\">normal quantile</text>", size / 2, size - 8))
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
