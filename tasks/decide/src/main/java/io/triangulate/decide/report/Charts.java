package io.triangulate.decide.report;

import static io.triangulate.decide.report.Html.coord;
import static io.triangulate.decide.report.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts, so the report is one self-contained file that opens anywhere without scripts
 * or network. Each chart scales its axis to the data, including interval ends, and marks zero.
 */
final class Charts {

  /** A labelled point estimate with an interval; NaN interval ends draw no whisker. */
  record Estimate(String label, double value, double low, double high, String color) {}

  /** A label with two bars (e.g. attributed and incremental ROAS) and an interval on the second. */
  record Pair(String label, double first, double second, double secondLow, double secondHigh) {}

  private static final int LABEL_WIDTH = 360;
  private static final int PLOT_WIDTH = 520;
  private static final int ROW = 26;
  private static final int TOP = 30;

  private Charts() {}

  static String intervals(List<Estimate> rows, String axisLabel, double scale, String unit) {
    double[] range = range(rows.stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.value(), r.low(), r.high())).toArray());
    int height = TOP + rows.size() * ROW + 40;
    StringBuilder svg = open(height);
    axis(svg, range, height, axisLabel, scale, unit);
    for (int i = 0; i < rows.size(); i++) {
      Estimate r = rows.get(i);
      double y = TOP + i * ROW + ROW / 2.0;
      label(svg, r.label(), y);
      if (!Double.isNaN(r.low()) && !Double.isNaN(r.high())) {
        svg.append(line(x(r.low(), range), y, x(r.high(), range), y, r.color(), 2));
        svg.append(line(x(r.low(), range), y - 5, x(r.low(), range), y + 5, r.color(), 2));
        svg.append(line(x(r.high(), range), y - 5, x(r.high(), range), y + 5, r.color(), 2));
      }
      if (!Double.isNaN(r.value())) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"5\" fill=\"%s\"><title>%s: %s%s [%s, %s]</title></circle>",
            coord(x(r.value(), range)), coord(y), r.color(), esc(r.label()),
            Html.num(r.value() * scale, 2), unit, Html.num(r.low() * scale, 2), Html.num(r.high() * scale, 2)));
      }
    }
    return svg.append("</svg>").toString();
  }

  static String pairs(List<Pair> rows, String firstName, String secondName, String axisLabel) {
    double[] range =
        range(rows.stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.first(), r.second(), r.secondLow(), r.secondHigh())).toArray());
    int height = TOP + rows.size() * ROW + 80;
    StringBuilder svg = open(height);
    axis(svg, range, height - 30, axisLabel, 1, "");
    double zero = x(0, range);
    for (int i = 0; i < rows.size(); i++) {
      Pair r = rows.get(i);
      double y = TOP + i * ROW;
      label(svg, r.label(), y + ROW / 2.0);
      bar(svg, zero, x(r.first(), range), y + 4, 8, "#b0b7c3", firstName + ": " + Html.num(r.first(), 2));
      bar(svg, zero, x(r.second(), range), y + 13, 8, "#2f6fdf", secondName + ": " + Html.num(r.second(), 2));
      if (!Double.isNaN(r.secondLow()) && !Double.isNaN(r.secondHigh())) {
        svg.append(line(x(r.secondLow(), range), y + 17, x(r.secondHigh(), range), y + 17, "#0b2e6b", 1.5));
      }
    }
    int ly = height - 6; // below the axis title
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"8\" fill=\"#b0b7c3\"/><text x=\"%d\" y=\"%d\" class=\"l\">%s</text>"
            + "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"8\" fill=\"#2f6fdf\"/><text x=\"%d\" y=\"%d\" class=\"l\">%s (line: 95%% interval)</text>",
        LABEL_WIDTH, ly - 8, LABEL_WIDTH + 16, ly, esc(firstName), LABEL_WIDTH + 190, ly - 8, LABEL_WIDTH + 206, ly, esc(secondName)));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(int height) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        LABEL_WIDTH + PLOT_WIDTH + 20, height, LABEL_WIDTH + PLOT_WIDTH + 20, height));
  }

  private static void axis(StringBuilder svg, double[] range, int height, String axisLabel, double scale, String unit) {
    int bottom = height - 30;
    for (double tick : ticks(range)) {
      double x = x(tick, range);
      svg.append(line(x, TOP - 6, x, bottom, tick == 0 ? "#333" : "#e3e6ea", tick == 0 ? 1.2 : 1));
      svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" class=\"t\">%s%s</text>",
          coord(x), bottom + 14, Html.num(tick * scale, decimals(range, scale)), unit));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"t axis\">%s</text>",
        LABEL_WIDTH + PLOT_WIDTH / 2, bottom + 28, esc(axisLabel)));
  }

  private static int decimals(double[] range, double scale) {
    double span = (range[1] - range[0]) * scale;
    return span >= 10 ? 0 : span >= 1 ? 1 : 2;
  }

  private static void label(StringBuilder svg, String label, double y) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" class=\"l\" text-anchor=\"end\">%s</text>",
        LABEL_WIDTH - 10, coord(y + 4), esc(shorten(label))));
  }

  /** Labels longer than the label column are cut with an ellipsis (the full text is in the tables). */
  static String shorten(String label) {
    int max = 52;
    return label.length() <= max ? label : label.substring(0, max - 1) + "…";
  }

  private static void bar(StringBuilder svg, double x0, double x1, double y, double h, String color, String title) {
    svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s</title></rect>",
        coord(Math.min(x0, x1)), coord(y), coord(Math.abs(x1 - x0)), coord(h), color, esc(title)));
  }

  private static String line(double x1, double y1, double x2, double y2, String color, double width) {
    return String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
        coord(x1), coord(y1), coord(x2), coord(y2), color, coord(width));
  }

  private static double x(double v, double[] range) {
    return LABEL_WIDTH + (v - range[0]) / (range[1] - range[0]) * PLOT_WIDTH;
  }

  /** The data's extent, always including zero, padded by 5%. */
  static double[] range(double[] values) {
    double lo = 0;
    double hi = 0;
    for (double v : values) {
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double pad = 0.05 * (hi - lo);
    return new double[] {lo - pad, hi + pad};
  }

  /** About six round tick values covering the range, zero among them. */
  static double[] ticks(double[] range) {
    double raw = (range[1] - range[0]) / 6;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude * (raw / magnitude < 2 ? 2 : raw / magnitude < 5 ? 5 : 10);
    double first = Math.ceil(range[0] / step) * step;
    int n = (int) Math.floor((range[1] - first) / step) + 1;
    double[] ticks = new double[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = Math.abs(first + i * step) < step * 1e-9 ? 0 : first + i * step;
    }
    return ticks;
  }
}
