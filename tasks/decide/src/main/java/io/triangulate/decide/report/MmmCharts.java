package io.triangulate.decide.report;

import static io.triangulate.decide.report.Html.coord;
import static io.triangulate.decide.report.Html.esc;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts of the marketing-mix section: ROAS intervals, the decomposition
 * over time, predicted against actual, and response curves with their bands. Self-contained like
 * {@link Charts}: no scripts, no network.
 */
final class MmmCharts {

  static final String[] PALETTE = {"#2f6fdf", "#1a7f37", "#cf222e", "#9a6700", "#8250df", "#0a7ea4", "#bc4c00",
      "#57606a", "#d63384", "#6f42c1", "#20c997", "#6c757d"};

  private static final int WIDTH = 900;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;

  private MmmCharts() {}

  /** ROAS per channel and model with 90% intervals; the dot is the point estimate. */
  static String roas(List<MmmReportData.Roas> rows) {
    int label = 240;
    int plot = WIDTH - label - RIGHT;
    int rowHeight = 24;
    int top = 20;
    int height = top + rows.size() * rowHeight + 40;
    double[] range = Charts.range(roasAxis(rows));
    StringBuilder svg = open(height);
    for (double tick : Charts.ticks(range)) {
      double x = label + scale(tick, range, plot);
      svg.append(line(x, top - 6, x, height - 36, tick == 0 ? "#333" : "#e3e6ea", 1));
      svg.append(text(x, height - 22, Html.num(tick, 1), "t"));
    }
    svg.append(text(label + plot / 2.0, height - 6, "return on ad spend (revenue per unit of spend)", "t axis"));
    for (int i = 0; i < rows.size(); i++) {
      MmmReportData.Roas r = rows.get(i);
      double y = top + i * rowHeight + rowHeight / 2.0;
      String color = "bayesian".equals(r.model()) ? PALETTE[0] : PALETTE[3];
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" class=\"l\" text-anchor=\"end\">%s</text>",
          label - 10, coord(y + 4), esc(r.channel() + " · " + r.model())));
      if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
        double high = Math.min(r.high(), range[1]);
        svg.append(line(label + scale(r.low(), range, plot), y, label + scale(high, range, plot), y, color, 2));
        if (r.high() > range[1]) {
          double x = label + scale(range[1], range, plot);
          svg.append(String.format(Locale.ROOT, "<path d=\"M%s %sl-7 -4v8z\" fill=\"%s\"/>", coord(x), coord(y), color));
          svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" class=\"l\" text-anchor=\"end\">%s</text>",
              coord(x - 10), coord(y - 4), Html.num(r.high(), 1)));
        }
      }
      if (Double.isFinite(r.roas())) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"5\" fill=\"%s\"><title>%s %s: ROAS %s [%s, %s]</title></circle>",
            coord(label + scale(r.roas(), range, plot)), coord(y), color, esc(r.channel()), esc(r.model()),
            Html.num(r.roas(), 2), Html.num(r.low(), 2), Html.num(r.high(), 2)));
      }
    }
    return svg.append("</svg>").toString();
  }

  /**
   * The ROAS axis: every point estimate and lower bound, and upper bounds up to three times the
   * largest point estimate. One unidentified channel's interval can reach hundreds, which would
   * squeeze every other channel into the first pixels; it is drawn to the edge with an arrow.
   */
  private static double[] roasAxis(List<MmmReportData.Roas> rows) {
    double largestPoint = rows.stream().mapToDouble(MmmReportData.Roas::roas).filter(Double::isFinite).max().orElse(1);
    double cap = 3 * Math.max(largestPoint, 1e-9);
    return rows.stream()
        .flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.roas(), r.low(), Math.min(r.high(), cap)))
        .toArray();
  }

  /** Stacked bars per period: components above zero stack up, negative ones down. */
  static String decomposition(List<LocalDate> dates, List<MmmReportData.Component> components) {
    int height = 300;
    int plot = WIDTH - LEFT - RIGHT;
    int top = 10;
    int bottom = height - 30;
    int n = dates.size();
    double hi = 0;
    double lo = 0;
    for (int t = 0; t < n; t++) {
      double up = 0;
      double down = 0;
      for (MmmReportData.Component c : components) {
        double v = c.values()[t];
        if (v > 0) {
          up += v;
        } else {
          down += v;
        }
      }
      hi = Math.max(hi, up);
      lo = Math.min(lo, down);
    }
    double[] range = {lo, hi > lo ? hi * 1.05 : lo + 1};
    StringBuilder svg = open(height + 36 + 18 * ((components.size() + 5) / 6));
    yAxis(svg, range, top, bottom, plot);
    axisTitles(svg, "revenue per period", "period (start date)", top, bottom, plot);
    double barWidth = (double) plot / Math.max(1, n);
    for (int t = 0; t < n; t++) {
      double up = 0;
      double down = 0;
      for (int k = 0; k < components.size(); k++) {
        double v = components.get(k).values()[t];
        double from = v >= 0 ? up : down;
        double to = from + v;
        if (v >= 0) {
          up = to;
        } else {
          down = to;
        }
        double y0 = yOf(Math.max(from, to), range, top, bottom);
        double y1 = yOf(Math.min(from, to), range, top, bottom);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s %s: %s</title></rect>",
            coord(LEFT + t * barWidth), coord(y0), coord(Math.max(0.5, barWidth - (n > 100 ? 0 : 1))), coord(y1 - y0),
            PALETTE[k % PALETTE.length], dates.get(t), esc(components.get(k).name()), Html.num(v, 0)));
      }
    }
    dateLabels(svg, dates, bottom, plot);
    legend(svg, components.stream().map(MmmReportData.Component::name).toList(), height + 20);
    return svg.append("</svg>").toString();
  }

  /** Actual target (dots) and the model's prediction (line) with its 90% band where it has one. */
  static String fit(List<LocalDate> dates, double[] actual, double[] fitted, double[] low, double[] high) {
    int height = 260;
    int plot = WIDTH - LEFT - RIGHT;
    int top = 10;
    int bottom = height - 30;
    int n = dates.size();
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (double[] series : new double[][] {actual, fitted, low, high}) {
      for (double v : series) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double pad = 0.05 * Math.max(1e-9, hi - lo);
    double[] range = {Math.min(0, lo - pad), hi + pad};
    StringBuilder svg = open(height + 24);
    yAxis(svg, range, top, bottom, plot);
    axisTitles(svg, "revenue per period", "period (start date)", top, bottom, plot);
    double step = n > 1 ? (double) plot / (n - 1) : 0;
    if (n > 0 && Double.isFinite(low[0])) {
      StringBuilder band = new StringBuilder();
      for (int t = 0; t < n; t++) {
        band.append(t == 0 ? "M" : "L").append(coord(LEFT + t * step)).append(' ').append(coord(yOf(high[t], range, top, bottom)));
      }
      for (int t = n - 1; t >= 0; t--) {
        band.append("L").append(coord(LEFT + t * step)).append(' ').append(coord(yOf(low[t], range, top, bottom)));
      }
      svg.append("<path d=\"").append(band).append("z\" fill=\"#2f6fdf\" fill-opacity=\"0.18\"/>");
    }
    svg.append(polyline(fitted, range, top, bottom, step, "#2f6fdf"));
    for (int t = 0; t < n; t++) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"2.2\" fill=\"#1f2328\"><title>%s actual %s, predicted %s</title></circle>",
          coord(LEFT + t * step), coord(yOf(actual[t], range, top, bottom)), dates.get(t), Html.num(actual[t], 0),
          Html.num(fitted[t], 0)));
    }
    dateLabels(svg, dates, bottom, plot);
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"l\">● actual   — predicted (band: 90%% interval)</text>",
        LEFT, height + 16));
    return svg.append("</svg>").toString();
  }

  /** Small multiples: each channel's expected incremental revenue per period against spend per period. */
  static String curves(List<MmmReportData.Curve> curves) {
    int columns = 3;
    int cellWidth = WIDTH / columns;
    int cellHeight = 190;
    int rows = (curves.size() + columns - 1) / columns;
    StringBuilder svg = open(rows * cellHeight);
    for (int i = 0; i < curves.size(); i++) {
      MmmReportData.Curve c = curves.get(i);
      int x0 = (i % columns) * cellWidth + 50;
      int y0 = (i / columns) * cellHeight + 22;
      int w = cellWidth - 70;
      int h = cellHeight - 62;
      double maxSpend = c.spend()[c.spend().length - 1];
      double maxRevenue = 0;
      for (double[] series : new double[][] {c.revenue(), c.high()}) {
        for (double v : series) {
          if (Double.isFinite(v)) {
            maxRevenue = Math.max(maxRevenue, v);
          }
        }
      }
      maxRevenue = maxRevenue > 0 ? maxRevenue * 1.05 : 1;
      svg.append(text(x0 + w / 2.0, y0 - 8, c.channel(), "l", "middle"));
      svg.append(line(x0, y0 + h, x0 + w, y0 + h, "#333", 1)).append(line(x0, y0, x0, y0 + h, "#333", 1));
      StringBuilder band = new StringBuilder();
      StringBuilder mean = new StringBuilder();
      int k = c.spend().length;
      for (int p = 0; p < k; p++) {
        double x = x0 + (maxSpend > 0 ? c.spend()[p] / maxSpend : 0) * w;
        band.append(p == 0 ? "M" : "L").append(coord(x)).append(' ').append(coord(y0 + h - safe(c.high()[p]) / maxRevenue * h));
        mean.append(p == 0 ? "M" : "L").append(coord(x)).append(' ').append(coord(y0 + h - safe(c.revenue()[p]) / maxRevenue * h));
      }
      for (int p = k - 1; p >= 0; p--) {
        double x = x0 + (maxSpend > 0 ? c.spend()[p] / maxSpend : 0) * w;
        band.append("L").append(coord(x)).append(' ').append(coord(y0 + h - safe(c.low()[p]) / maxRevenue * h));
      }
      String color = PALETTE[i % PALETTE.length];
      svg.append("<path d=\"").append(band).append("z\" fill=\"").append(color).append("\" fill-opacity=\"0.2\"/>");
      svg.append("<path d=\"").append(mean).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>");
      if (Double.isFinite(c.currentSpend()) && maxSpend > 0) {
        double x = x0 + c.currentSpend() / maxSpend * w;
        svg.append(line(x, y0, x, y0 + h, "#57606a", 1)).append(text(x, y0 + 10, "now", "t"));
      }
      svg.append(text(x0 + w / 2.0, y0 + h + 14, "spend per period (max " + Html.num(maxSpend, 0) + ")", "t axis"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" class=\"t axis\" transform=\"rotate(-90 %d %s)\">"
          + "revenue per period</text>", x0 - 36, coord(y0 + h / 2.0), x0 - 36, coord(y0 + h / 2.0)));
      svg.append(text(x0 - 4, y0 + 8, Html.num(maxRevenue, 0), "t", "end"));
    }
    return svg.append("</svg>").toString();
  }

  private static double safe(double v) {
    return Double.isFinite(v) ? Math.max(0, v) : 0;
  }

  private static StringBuilder open(int height) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        WIDTH, height, WIDTH, height));
  }

  private static void yAxis(StringBuilder svg, double[] range, int top, int bottom, int plot) {
    for (double tick : Charts.ticks(range)) {
      double y = yOf(tick, range, top, bottom);
      svg.append(line(LEFT, y, LEFT + plot, y, tick == 0 ? "#333" : "#e3e6ea", 1));
      svg.append(text(LEFT - 6, y + 4, Html.num(tick, 0), "t", "end"));
    }
  }

  /** A rotated y-axis title left of the tick labels and an x-axis title under the date labels. */
  private static void axisTitles(StringBuilder svg, String y, String x, int top, int bottom, int plot) {
    double middle = (top + bottom) / 2.0;
    svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%s\" class=\"t axis\" transform=\"rotate(-90 14 %s)\">%s</text>",
        coord(middle), coord(middle), esc(y)));
    svg.append(text(LEFT + plot / 2.0, bottom + 30, x, "t axis"));
  }

  private static void dateLabels(StringBuilder svg, List<LocalDate> dates, int bottom, int plot) {
    int n = dates.size();
    int every = Math.max(1, n / 8);
    double step = n > 1 ? (double) plot / (n - 1) : 0;
    for (int t = 0; t < n; t += every) {
      svg.append(text(LEFT + t * step, bottom + 16, dates.get(t).toString(), "t"));
    }
  }

  private static void legend(StringBuilder svg, List<String> names, int y) {
    for (int k = 0; k < names.size(); k++) {
      int x = LEFT + (k % 6) * 135;
      int row = y + (k / 6) * 18;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
          x, row, PALETTE[k % PALETTE.length]));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"l\">%s</text>", x + 14, row + 9, esc(names.get(k))));
    }
  }

  private static String polyline(double[] values, double[] range, int top, int bottom, double step, String color) {
    StringBuilder d = new StringBuilder();
    for (int t = 0; t < values.length; t++) {
      d.append(t == 0 ? "M" : "L").append(coord(LEFT + t * step)).append(' ').append(coord(yOf(values[t], range, top, bottom)));
    }
    return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\"/>";
  }

  private static double yOf(double v, double[] range, int top, int bottom) {
    return bottom - (v - range[0]) / (range[1] - range[0]) * (bottom - top);
  }

  private static double scale(double v, double[] range, int plot) {
    return (v - range[0]) / (range[1] - range[0]) * plot;
  }

  private static String line(double x1, double y1, double x2, double y2, String color, double width) {
    return String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
        coord(x1), coord(y1), coord(x2), coord(y2), color, coord(width));
  }

  private static String text(double x, double y, String text, String cssClass) {
    return text(x, y, text, cssClass, "middle");
  }

  private static String text(double x, double y, String text, String cssClass, String anchor) {
    return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" class=\"%s\" text-anchor=\"%s\">%s</text>",
        coord(x), coord(y), cssClass, anchor, esc(text));
  }
}
