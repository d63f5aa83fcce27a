package io.triangulate.geo.report;

import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.PeriodEffect;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained inline SVG of one geo test, in the report's style (no scripts, no fonts to
 * fetch): on top the treated total and its synthetic control over the whole analysed period, with
 * the test start marked; below, the effect cumulated over the test window with its pointwise band
 * and the zero line. Pure: takes the analysis, returns the SVG text.
 */
public final class GeoChart {

  private static final int WIDTH = 900;
  private static final int LEFT = 90;
  private static final int RIGHT = 20;
  private static final int PANEL = 230;
  private static final int GAP = 60;
  private static final int TOP = 40;
  private static final String TREATED = "#0b2e6b";
  private static final String SYNTHETIC = "#2f6fdf";
  private static final String BAND = "#b0b7c3";

  private GeoChart() {}

  public static String svg(GeoAnalysis a, String title) {
    return svg(a, title, "outcome");
  }

  /**
   * @param outcome what the series measures, with its unit, for the y axes (e.g. "revenue"): both
   *     panels are totals over the treated locations per period of the data
   */
  public static String svg(GeoAnalysis a, String title, String outcome) {
    List<PeriodEffect> rows = a.periods();
    int height = TOP + 2 * PANEL + GAP + 50;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" data-xy=\"1\""
            + " font-family=\"sans-serif\" font-size=\"12\">",
        WIDTH, height, WIDTH, height));
    svg.append(String.format(Locale.ROOT, "<title>%s</title>", esc(title)));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>", LEFT, esc(title)));

    // Panel 1: treated vs synthetic.
    int n = rows.size();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (PeriodEffect r : rows) {
      lo = Math.min(lo, Math.min(r.treated(), r.synthetic()));
      hi = Math.max(hi, Math.max(r.treated(), r.synthetic()));
    }
    double[] range1 = pad(lo, hi);
    int top1 = TOP;
    String first = rows.isEmpty() ? "" : rows.get(0).date().toString();
    String last = rows.isEmpty() ? "" : rows.get(n - 1).date().toString();
    frame(svg, top1, range1, outcome + " per period, treated total", "period starting " + first + " … " + last);
    int testIndex = a.prePeriods();
    double xStart = x(testIndex - 0.5, n);
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
            + "<text x=\"%s\" y=\"%d\" fill=\"#555\">test start %s</text>",
        c(xStart), top1, c(xStart), top1 + PANEL, c(xStart + 4), top1 + 12, a.testStart()));
    svg.append(polyline(rows, n, top1, range1, true, TREATED, ""));
    svg.append(polyline(rows, n, top1, range1, false, SYNTHETIC, " stroke-dasharray=\"6 3\""));
    legend(svg, top1 + PANEL + 18, new String[] {TREATED, SYNTHETIC}, new String[] {"treated", "synthetic control (" + a.method().label() + ")"});

    // Panel 2: cumulative effect with band, test periods only.
    int top2 = TOP + PANEL + GAP;
    double clo = 0;
    double chi = 0;
    for (PeriodEffect r : rows) {
      if (r.test()) {
        clo = Math.min(clo, finiteOr(r.cumulativeLow(), r.cumulative()));
        chi = Math.max(chi, finiteOr(r.cumulativeHigh(), r.cumulative()));
        clo = Math.min(clo, r.cumulative());
        chi = Math.max(chi, r.cumulative());
      }
    }
    double[] range2 = pad(clo, chi);
    frame(svg, top2, range2, "cumulative effect on " + outcome,
        "test period starting " + a.testStart() + " … " + a.testEnd());
    int testCount = a.testPeriods();
    StringBuilder band = new StringBuilder();
    StringBuilder back = new StringBuilder();
    StringBuilder line = new StringBuilder();
    int k = 0;
    for (PeriodEffect r : rows) {
      if (!r.test()) {
        continue;
      }
      double px = x(k, testCount);
      band.append(c(px)).append(',').append(c(y(finiteOr(r.cumulativeHigh(), r.cumulative()), top2, range2))).append(' ');
      back.insert(0, c(px) + "," + c(y(finiteOr(r.cumulativeLow(), r.cumulative()), top2, range2)) + " ");
      line.append(c(px)).append(',').append(c(y(r.cumulative(), top2, range2))).append(' ');
      k++;
    }
    svg.append(String.format(Locale.ROOT, "<polygon points=\"%s%s\" fill=\"%s\" fill-opacity=\"0.5\"/>", band, back, BAND));
    double zero = y(0, top2, range2);
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#333\"/>", LEFT, c(zero), WIDTH - RIGHT, c(zero)));
    svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", line.toString().strip(), TREATED));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s to %s; band: pointwise %s (approximate); total %s [%s, %s]</text>",
        LEFT, top2 + PANEL + 36, a.testStart(), a.testEnd(), pct(a.confidence()),
        num(a.incremental().value()), num(a.incremental().low()), num(a.incremental().high())));
    return svg.append("</svg>").toString();
  }

  private static void frame(StringBuilder svg, int top, double[] range, String label, String xLabel) {
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>", LEFT, top, WIDTH - LEFT - RIGHT, PANEL));
    for (int i = 0; i <= 4; i++) {
      double v = range[0] + (range[1] - range[0]) * i / 4;
      double py = y(v, top, range);
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%s\" text-anchor=\"end\" fill=\"#555\">%s</text>", LEFT - 6, c(py + 4), num(v)));
    }
    svg.append(String.format(Locale.ROOT,
        "<text class=\"axis\" x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
        top + PANEL / 2, top + PANEL / 2, esc(label)));
    // The x axis is the panel's periods in order (days or weeks, as the data come), first to last.
    svg.append(String.format(Locale.ROOT,
        "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#333\">%s</text>",
        WIDTH - RIGHT, top + PANEL + 18, esc(xLabel)));
  }

  private static String polyline(List<PeriodEffect> rows, int n, int top, double[] range, boolean treated, String color, String extra) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < n; i++) {
      PeriodEffect r = rows.get(i);
      points.append(c(x(i, n))).append(',').append(c(y(treated ? r.treated() : r.synthetic(), top, range))).append(' ');
    }
    return String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s/>",
        points.toString().strip(), color, extra);
  }

  private static void legend(StringBuilder svg, int y, String[] colors, String[] labels) {
    int x = LEFT;
    for (int i = 0; i < colors.length; i++) {
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
          x, y - 4, colors[i], x + 20, y, esc(labels[i])));
      x += 40 + 8 * labels[i].length();
    }
  }

  private static double x(double index, int n) {
    double span = WIDTH - LEFT - RIGHT;
    return LEFT + (n <= 1 ? span / 2 : span * index / (n - 1));
  }

  private static double y(double v, int top, double[] range) {
    return top + PANEL - PANEL * (v - range[0]) / (range[1] - range[0]);
  }

  private static double[] pad(double lo, double hi) {
    if (!(hi > lo)) {
      double d = Math.max(Math.abs(lo), 1) * 0.1;
      return new double[] {lo - d, hi + d};
    }
    double d = (hi - lo) * 0.05;
    return new double[] {lo - d, hi + d};
  }

  private static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  private static String c(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    double m = Math.abs(v);
    if (m >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    if (m >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    }
    return String.format(Locale.ROOT, m >= 100 ? "%.0f" : "%.2f", v);
  }

  private static String pct(double level) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * level);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
