package io.triangulate.geo.analyze;

import io.triangulate.geo.stats.Estimate;
import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.PreFit;
import java.util.Locale;

/** The printed summary of a geo analysis, for people. */
final class GeoSummary {

  private GeoSummary() {}

  static String render(GeoAnalysis a, String outcome) {
    StringBuilder s = new StringBuilder();
    String level = String.format(Locale.ROOT, "%.0f%%", 100 * a.confidence());
    s.append(String.format(Locale.ROOT, "Geo test: %s treated (%s), %s to %s, %d test and %d pre-period dates%n",
        a.treated().size() == 1 ? "1 location" : a.treated().size() + " locations", String.join(", ", a.treated()),
        a.testStart(), a.testEnd(), a.testPeriods(), a.prePeriods()));
    s.append(String.format(Locale.ROOT, "Method: %s%s; %s intervals by conformal inference (moving-block permutations)%n%n",
        a.method().label(), Double.isNaN(a.lambda()) ? "" : String.format(Locale.ROOT, " (ridge penalty %.4g by CV)", a.lambda()), level));
    s.append(String.format(Locale.ROOT, "  %-34s %14s  %s%n", "estimate", "value", level + " interval"));
    row(s, "incremental " + outcome + " (total)", a.incremental(), "%,.2f");
    row(s, "ATT per location and period", a.att(), "%,.4f");
    row(s, "lift over synthetic", a.lift().times(100), "%.2f%%");
    if (!Double.isNaN(a.incrementalSpend())) {
      s.append(String.format(Locale.ROOT, "  %-34s %,14.2f%n", "incremental spend", a.incrementalSpend()));
    }
    if (a.iroas() != null) {
      row(s, "iROAS", a.iroas(), "%.4f");
    }
    s.append(String.format(Locale.ROOT, "  %-34s %14.4f%n%n", "p-value (no effect)", a.pValue()));
    PreFit f = a.preFit();
    s.append(String.format(Locale.ROOT, "Pre-period fit: RMSE %,.2f per location, R² %.3f, MAPE %.2f%%, %d donor(s) used%n",
        f.rmse(), f.rSquared(), 100 * f.mape(), f.donorsUsed()));
    s.append("Top donor weights:");
    int shown = 0;
    for (PreFit.DonorWeight w : f.weights()) {
      if (shown == 8 || Math.abs(w.weight()) < 0.001) {
        break;
      }
      s.append(String.format(Locale.ROOT, " %s %.3f", w.location(), w.weight()));
      shown++;
    }
    s.append(System.lineSeparator());
    for (String w : f.warnings()) {
      s.append("warning: ").append(w).append(System.lineSeparator());
    }
    return s.toString();
  }

  private static void row(StringBuilder s, String label, Estimate e, String format) {
    s.append(String.format(Locale.ROOT, "  %-34s %14s  [%s, %s]%n", label, fmt(format, e.value()), fmt(format, e.low()), fmt(format, e.high())));
  }

  private static String fmt(String format, double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "n/a";
  }
}
