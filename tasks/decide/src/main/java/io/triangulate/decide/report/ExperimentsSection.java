package io.triangulate.decide.report;

import static io.triangulate.decide.report.Html.coord;
import static io.triangulate.decide.report.Html.esc;
import static io.triangulate.decide.report.Html.num;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The report's experiments section (issue 11): per campaign the sample-ratio check, the CUPED
 * interval beside the unadjusted one, the multiple-testing survivors, the Bayesian and LTV
 * read-outs, and a small plot per campaign of the fixed-horizon and always-valid (mSPRT) intervals
 * over the days, the sequential boundary. Rendering is pure; {@link #load} reads the marts.
 */
public final class ExperimentsSection {

  /** One campaign's whole-campaign read-out on the report date. */
  record Campaign(
      String campaignId, long treatedN, long controlN, double plannedControlShare, double srmPValue, boolean srmFlag,
      double absLift, double absLow, double absHigh, double cupedLift, double cupedLow, double cupedHigh,
      double varianceReduction, String seqStatus, double pValue, double pBh, boolean bhSignificant,
      double chanceToBeat, double expectedLoss, double ltv, double ltvLow, double ltvHigh, int ltvHorizonDays) {}

  /** One day of a campaign's lift with both intervals. */
  record Day(LocalDate ds, double absLift, double low, double high, double seqLow, double seqHigh) {}

  /** A segment finding: raw and BH-adjusted p-value, and whether it survives. */
  record Segment(String campaignId, String segment, double absLift, double pValue, double pBh, boolean survives) {}

  record Data(LocalDate ds, List<Campaign> campaigns, Map<String, List<Day>> days, List<Segment> segments) {}

  private static final String CAMPAIGNS_SQL =
      """
      select l.campaign_id, l.treated_n, l.control_n, l.planned_control_share, l.srm_p_value,
             coalesce(d.srm_flag, false) as srm_flag, l.abs_lift, l.abs_lift_ci_low, l.abs_lift_ci_high,
             l.cuped_abs_lift, l.cuped_abs_lift_ci_low, l.cuped_abs_lift_ci_high, l.cuped_variance_reduction,
             l.seq_status, l.p_value, l.p_value_bh_campaigns, coalesce(l.bh_significant, false) as bh_significant,
             l.bayes_prob_beat_control, l.bayes_expected_loss, l.ltv_uplift, l.ltv_uplift_ci_low, l.ltv_uplift_ci_high,
             coalesce(l.ltv_horizon_days, 0) as ltv_horizon_days
      from marts.experiment_lift l
      left join marts.campaign_decisions d on d.ds = l.ds and d.campaign_id = l.campaign_id
      where l.ds = ? and l.segment_type = 'all'
      order by l.campaign_id""";

  private static final String DAYS_SQL =
      """
      select campaign_id, ds, abs_lift, abs_lift_ci_low, abs_lift_ci_high, seq_abs_lift_ci_low, seq_abs_lift_ci_high
      from marts.experiment_lift
      where ds <= ? and segment_type = 'all'
      order by campaign_id, ds""";

  private static final String SEGMENTS_SQL =
      """
      select campaign_id, segment_type || '=' || segment_value as segment, abs_lift, p_value, p_value_bh,
             coalesce(bh_significant, false) as survives
      from marts.experiment_lift
      where ds = ? and segment_type <> 'all' and p_value < 0.05
      order by campaign_id, p_value""";

  private static final int W = 300;
  private static final int H = 160;
  private static final int PAD = 28;

  private ExperimentsSection() {}

  public static Optional<String> load(DSLContext dsl, LocalDate ds) {
    List<Campaign> campaigns = new ArrayList<>();
    for (Record r : dsl.fetch(CAMPAIGNS_SQL, ds)) {
      if (r.get("seq_status") == null) {
        continue; // written before the read-outs existed
      }
      campaigns.add(new Campaign(r.get("campaign_id", String.class), r.get("treated_n", Long.class),
          r.get("control_n", Long.class), d(r, "planned_control_share"), d(r, "srm_p_value"),
          r.get("srm_flag", Boolean.class), d(r, "abs_lift"), d(r, "abs_lift_ci_low"), d(r, "abs_lift_ci_high"),
          d(r, "cuped_abs_lift"), d(r, "cuped_abs_lift_ci_low"), d(r, "cuped_abs_lift_ci_high"),
          d(r, "cuped_variance_reduction"), r.get("seq_status", String.class), d(r, "p_value"),
          d(r, "p_value_bh_campaigns"), r.get("bh_significant", Boolean.class), d(r, "bayes_prob_beat_control"),
          d(r, "bayes_expected_loss"), d(r, "ltv_uplift"), d(r, "ltv_uplift_ci_low"), d(r, "ltv_uplift_ci_high"),
          r.get("ltv_horizon_days", Integer.class)));
    }
    if (campaigns.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Day>> days = new LinkedHashMap<>();
    for (Record r : dsl.fetch(DAYS_SQL, ds)) {
      days.computeIfAbsent(r.get("campaign_id", String.class), k -> new ArrayList<>())
          .add(new Day(r.get("ds", LocalDate.class), d(r, "abs_lift"), d(r, "abs_lift_ci_low"), d(r, "abs_lift_ci_high"),
              d(r, "seq_abs_lift_ci_low"), d(r, "seq_abs_lift_ci_high")));
    }
    List<Segment> segments = new ArrayList<>();
    for (Record r : dsl.fetch(SEGMENTS_SQL, ds)) {
      segments.add(new Segment(r.get("campaign_id", String.class), r.get("segment", String.class), d(r, "abs_lift"),
          d(r, "p_value"), d(r, "p_value_bh"), r.get("survives", Boolean.class)));
    }
    return Optional.of(render(new Data(ds, campaigns, days, segments)));
  }

  private static double d(Record r, String field) {
    Object v = r.get(field);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  static String render(Data data) {
    StringBuilder h = new StringBuilder(48_000);
    h.append("<h2>Experiments: trust checks and read-outs</h2><p class=\"note\">Whole-campaign conversion lift on ")
        .append(data.ds()).append(". <b>SRM</b>: chi-square test of the exposed arms against the planned holdout share; ")
        .append("a flagged campaign's randomisation or ghost-ad logging is broken, its lift is not evidence and it is never ")
        .append("scaled up. <b>CUPED</b> adjusts for each member's orders of the advertiser in the 28 days before first ")
        .append("exposure; the variance reduction is how much narrower that makes the interval (squared). <b>BH</b>: ")
        .append("Benjamini-Hochberg adjusted p-value across campaigns. <b>Sequential</b>: the always-valid (mSPRT) interval ")
        .append("may be looked at every day; stop when it excludes zero. <b>LTV</b>: revenue per exposed member, treated minus ")
        .append("control, over the days of the 90-day window observed so far.</p>");
    long flagged = data.campaigns().stream().filter(Campaign::srmFlag).count();
    if (flagged > 0) {
      h.append("<p class=\"warn\"><b>Sample-ratio mismatch:</b> ").append(flagged).append(" campaign")
          .append(flagged == 1 ? "" : "s").append(" (");
      h.append(esc(String.join(", ", data.campaigns().stream().filter(Campaign::srmFlag).map(Campaign::campaignId).toList())))
          .append(") failed the check; fix assignment or logging before reading their lift.</p>");
    }
    h.append("<table><tr><th class=\"t\">campaign</th><th>treated / control</th><th>planned holdout</th><th>SRM p</th>")
        .append("<th>lift, pp (95% CI)</th><th>CUPED lift, pp (95% CI)</th><th>variance reduction</th><th>BH p</th>")
        .append("<th>sequential</th><th>P(beat control)</th><th>expected loss, pp</th><th>LTV uplift per member (days)</th></tr>");
    for (Campaign c : data.campaigns()) {
      h.append("<tr><td class=\"t\">").append(esc(c.campaignId())).append(c.srmFlag() ? " <b class=\"flag\">SRM</b>" : "")
          .append("</td><td>").append(num(c.treatedN(), 0)).append(" / ").append(num(c.controlN(), 0))
          .append("</td><td>").append(num(100 * c.plannedControlShare(), 0)).append("%</td><td>")
          .append(pValue(c.srmPValue())).append("</td><td>").append(ci(c.absLift(), c.absLow(), c.absHigh()))
          .append("</td><td>").append(ci(c.cupedLift(), c.cupedLow(), c.cupedHigh())).append("</td><td>")
          .append(num(100 * c.varianceReduction(), 1)).append("%</td><td>").append(pValue(c.pBh()))
          .append(c.bhSignificant() ? " ✓" : "").append("</td><td>").append(esc(c.seqStatus())).append("</td><td>")
          .append(num(100 * c.chanceToBeat(), 1)).append("%</td><td>").append(num(100 * c.expectedLoss(), 3))
          .append("</td><td>").append(num(c.ltv(), 2)).append(" (").append(num(c.ltvLow(), 2)).append(" to ")
          .append(num(c.ltvHigh(), 2)).append("; ").append(c.ltvHorizonDays()).append(" d)</td></tr>");
    }
    h.append("</table>");
    segmentTable(h, data.segments());
    h.append("<h3>Sequential boundary per campaign</h3><p class=\"note\">Daily cumulative lift (dot line) with the ")
        .append("fixed-horizon 95% interval (grey) and the always-valid interval (blue). Peeking at the grey interval every ")
        .append("day inflates false positives; the blue one stays valid at every look.</p><div class=\"multiples\">");
    data.days().forEach((campaign, series) -> h.append(plot(campaign, series)));
    return h.append("</div>").toString();
  }

  private static void segmentTable(StringBuilder h, List<Segment> segments) {
    long survivors = segments.stream().filter(Segment::survives).count();
    h.append("<h3>Segment findings after multiple testing</h3><p class=\"note\">Segments with a nominal p &lt; 0.05; ")
        .append("a finding survives when its Benjamini-Hochberg p-value across the campaign's segments is ≤ 0.05. ")
        .append(survivors).append(" of ").append(segments.size()).append(" survive.</p>");
    if (segments.isEmpty()) {
      return;
    }
    h.append("<table><tr><th class=\"t\">campaign</th><th class=\"t\">segment</th><th>lift, pp</th><th>p</th>")
        .append("<th>BH p</th><th>survives</th></tr>");
    for (Segment s : segments) {
      h.append("<tr><td class=\"t\">").append(esc(s.campaignId())).append("</td><td class=\"t\">").append(esc(s.segment()))
          .append("</td><td>").append(num(100 * s.absLift(), 2)).append("</td><td>").append(pValue(s.pValue()))
          .append("</td><td>").append(pValue(s.pBh())).append("</td><td>").append(s.survives() ? "yes" : "no")
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  /** A small multiple: x = day, y = lift; both intervals as bands, zero marked. */
  static String plot(String campaign, List<Day> days) {
    double lo = 0;
    double hi = 0;
    for (Day d : days) {
      for (double v : new double[] {d.absLift(), d.low(), d.high(), d.seqLow(), d.seqHigh()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi - lo < 1e-9) {
      hi = lo + 1e-3;
    }
    double ylo = lo;
    double yhi = hi;
    int n = days.size();
    StringBuilder svg = new StringBuilder(4_000);
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
            + " data-xy=\"1\" data-small-multiple=\"1\">",
        W, H, W, H));
    // Axis titles: y is the cumulative absolute lift, x the analysis day (first and last dates at the ends).
    svg.append(String.format(Locale.ROOT,
        "<text class=\"axis\" x=\"10\" y=\"%d\" transform=\"rotate(-90 10 %d)\" text-anchor=\"middle\""
            + " style=\"font-size:10px\">lift, pp</text>",
        H / 2, H / 2));
    svg.append(String.format(Locale.ROOT,
        "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" style=\"font-size:10px\">day</text>",
        (PAD + W) / 2, H - 4));
    svg.append("<text x=\"").append(W - 6).append("\" y=\"14\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"end\">")
        .append(esc(campaign)).append("</text>");
    svg.append(band(days, ylo, yhi, n, true, "#cfe0f5"));
    svg.append(band(days, ylo, yhi, n, false, "#d9d9d9"));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#333\" stroke-dasharray=\"3,3\"/>",
        PAD, coord(y(0, ylo, yhi)), W - 6, coord(y(0, ylo, yhi))));
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double v = days.get(i).absLift();
      if (Double.isFinite(v)) {
        line.append(line.length() == 0 ? "M" : "L").append(coord(x(i, n))).append(',').append(coord(y(v, ylo, yhi)));
      }
    }
    if (line.length() > 0) {
      svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#111\" stroke-width=\"1.5\"/>");
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%s\" font-size=\"9\">%s</text>",
        coord(y(yhi, ylo, yhi) - 3), esc(num(100 * yhi, 2) + " pp")));
    svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%s\" font-size=\"9\">%s</text>",
        coord(y(ylo, ylo, yhi) + 10), esc(num(100 * ylo, 2) + " pp")));
    if (n > 0) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"9\">%s</text>", PAD, H - 4,
          days.get(0).ds()));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"end\">%s</text>",
          W - 6, H - 4, days.get(n - 1).ds()));
    }
    return svg.append("</svg>").toString();
  }

  private static String band(List<Day> days, double ylo, double yhi, int n, boolean sequential, String color) {
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Day d = days.get(i);
      double l = sequential ? d.seqLow() : d.low();
      double u = sequential ? d.seqHigh() : d.high();
      if (Double.isFinite(l) && Double.isFinite(u)) {
        // Clip to the plotted range: the always-valid interval is very wide on the first days.
        upper.append(upper.length() == 0 ? "M" : "L").append(coord(x(i, n))).append(',')
            .append(coord(y(Math.min(u, yhi), ylo, yhi)));
        lower.insert(0, "L" + coord(x(i, n)) + "," + coord(y(Math.max(l, ylo), ylo, yhi)));
      }
    }
    if (upper.length() == 0) {
      return "";
    }
    return "<path d=\"" + upper + lower + "Z\" fill=\"" + color + "\" fill-opacity=\"0.8\" stroke=\"none\"/>";
  }

  private static double x(int i, int n) {
    return n <= 1 ? PAD : PAD + (W - 6 - PAD) * (double) i / (n - 1);
  }

  private static double y(double v, double lo, double hi) {
    return 20 + (H - 48) * (hi - v) / (hi - lo);
  }

  private static String ci(double v, double low, double high) {
    return num(100 * v, 2) + " (" + num(100 * low, 2) + " to " + num(100 * high, 2) + ")";
  }

  private static String pValue(double p) {
    return Double.isNaN(p) ? "–" : p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : num(p, 4);
  }
}
