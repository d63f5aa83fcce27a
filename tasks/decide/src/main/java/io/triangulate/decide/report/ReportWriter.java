package io.triangulate.decide.report;

import static io.triangulate.decide.report.Html.esc;
import static io.triangulate.decide.report.Html.money;
import static io.triangulate.decide.report.Html.num;

import io.triangulate.decide.policy.CampaignDecision;
import io.triangulate.decide.policy.CampaignEvidence;
import io.triangulate.decide.policy.EfficiencyFlag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network) that puts
 * what ads caused next to what they were credited with, and what to do about it. Pure: data in,
 * HTML text out.
 */
public final class ReportWriter {

  private static final Map<EfficiencyFlag, String> FLAG_COLORS =
      Map.of(
          EfficiencyFlag.HIGH_IMPACT, "#1a7f37",
          EfficiencyFlag.MODERATE, "#2f6fdf",
          EfficiencyFlag.LOW_IMPACT, "#9a6700",
          EfficiencyFlag.INEFFICIENT, "#cf222e");

  private ReportWriter() {}

  public static String render(LocalDate ds, List<CampaignDecision> decisions, List<ChannelKpi> channels) {
    return render(ds, decisions, channels, List.of());
  }

  /** The report with extra sections (rendered HTML, e.g. {@link ReportSections}) after the channel table. */
  public static String render(LocalDate ds, List<CampaignDecision> decisions, List<ChannelKpi> channels, List<String> sections) {
    return render(ds, decisions, channels, sections, null);
  }

  /**
   * The report; {@code universes} (may be null: cards name their basis without the journey
   * numbers) reconciles the conversions the headline, the channel table and the attribution section count.
   */
  public static String render(LocalDate ds, List<CampaignDecision> decisions, List<ChannelKpi> channels, List<String> sections,
      ConversionUniverses universes) {
    StringBuilder h = new StringBuilder(64_000);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Triangulate report ").append(ds).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:32px auto;max-width:1100px;color:#1f2328;padding:0 16px}")
        .append("h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;margin-top:36px;border-bottom:1px solid #d0d7de;padding-bottom:4px}")
        .append(".sub{color:#57606a}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:20px 0}")
        .append(".card{border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;min-width:180px;max-width:260px}.card b{display:block;font-size:22px}")
        .append(".card small{display:block;color:#57606a;font-size:12px}")
        .append("table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eaeef2;padding:5px 8px;text-align:right;vertical-align:top}")
        .append("th{background:#f6f8fa}td.t,th.t{text-align:left}.flag{font-weight:600}")
        .append("svg text.l{font-size:12px;fill:#1f2328}svg text.t{font-size:11px;fill:#57606a;text-anchor:middle}")
        .append("svg text.axis{font-size:12px;fill:#1f2328}svg{max-width:100%;height:auto;display:block;margin:8px 0}")
        .append("table.compact{width:auto;min-width:60%}td.wrap{max-width:360px;white-space:normal;text-align:left}")
        .append(".note{color:#57606a;font-size:13px;max-width:900px}")
        .append(".multiples{display:flex;flex-wrap:wrap;gap:4px 18px}.multiples svg{margin:0}")
        .append("b.flag{color:#9a3412;font-size:11px;margin-left:4px}")
        .append(".warn{color:#9a3412;background:#fff7ed;border-left:3px solid #ea580c;padding:6px 10px;font-size:13px;max-width:900px}")
        .append("</style></head><body>");
    h.append("<h1>Triangulate: what the ads caused</h1><div class=\"sub\">Decision date ").append(ds)
        .append(" · campaign results from each campaign's start to this date</div>");
    KpiTotals platform = KpiTotals.of(channels);
    summaryCards(h, decisions, platform, universes);
    reconciliation(h, platform, universes);
    h.append("<h2>Measured lift per campaign</h2><p class=\"note\">Absolute lift in conversion rate (treated exposed minus ")
        .append("ghost-exposed control), percentage points, with 95% confidence intervals. Colour is the efficiency flag. ")
        .append("An interval that crosses zero means the experiment cannot tell the campaign from no campaign.</p>");
    h.append(Charts.intervals(
        decisions.stream()
            .map(d -> new Charts.Estimate(label(d.evidence()), d.evidence().absLift(), d.evidence().absLiftCiLow(),
                d.evidence().absLiftCiHigh(), FLAG_COLORS.get(d.flag())))
            .toList(),
        "absolute lift (percentage points)", 100, ""));
    legend(h);
    h.append("<h2>Attributed versus incremental ROAS</h2><p class=\"note\">Attributed ROAS is what last-touch ")
        .append("credit reports (revenue of buyers who saw or clicked the ad); incremental ROAS is the revenue the ")
        .append("experiment shows the ads caused, per unit of spend. The gap is over-attribution: sales that would have ")
        .append("happened anyway.</p>");
    h.append(Charts.pairs(
        decisions.stream()
            .map(d -> new Charts.Pair(label(d.evidence()), d.evidence().attributedRoas(), d.evidence().incrementalRoas(),
                d.evidence().incrementalRoasCiLow(), d.evidence().incrementalRoasCiHigh()))
            .toList(),
        "attributed ROAS", "incremental ROAS", "revenue per unit of spend"));
    recommendations(h, decisions);
    channelTable(h, channels, universes);
    sections.forEach(h::append);
    h.append("<p class=\"note\">Generated by Triangulate. Lift, intervals and p-values come from randomized holdouts ")
        .append("(ghost ads); flags and recommendations follow configs/decisions.yaml.</p></body></html>\n");
    return h.toString();
  }

  private static String label(CampaignEvidence e) {
    return e.campaignId() + " · " + e.campaignName();
  }

  /** The platform's last-touch totals: the channel table's 'all' row, or its rows summed. */
  record KpiTotals(double orders, double revenue) {
    static KpiTotals of(List<ChannelKpi> channels) {
      for (ChannelKpi c : channels) {
        if (c.channel().equals("all")) {
          return new KpiTotals(c.attributedOrders(), c.attributedRevenue());
        }
      }
      return new KpiTotals(channels.stream().mapToDouble(ChannelKpi::attributedOrders).sum(),
          channels.stream().mapToDouble(ChannelKpi::attributedRevenue).sum());
    }
  }

  /**
   * Every card names the conversions it counts. The platform ratio summarises the ROAS chart (platform
   * last touch beside the experiments, revenue); the journey and calibrated ratios summarise the
   * attribution section (orders).
   */
  private static void summaryCards(StringBuilder h, List<CampaignDecision> decisions, KpiTotals platform,
      ConversionUniverses u) {
    double spend = decisions.stream().mapToDouble(d -> d.evidence().spend()).sum();
    double attributed = decisions.stream().mapToDouble(d -> d.evidence().attributedRevenue()).sum();
    double incremental =
        decisions.stream().mapToDouble(d -> d.evidence().incrementalRevenue()).filter(x -> !Double.isNaN(x)).sum();
    long increase = decisions.stream().filter(d -> d.budgetChange() > 0).count();
    long reduce = decisions.stream().filter(d -> d.budgetChange() < 0).count();
    boolean orders = u != null && Double.isFinite(u.experimentOrders()) && u.experimentOrders() > 0;
    h.append("<div class=\"cards\">");
    card(h, "Spend", money(spend), null);
    card(h, "Platform last-touch revenue", money(attributed), money(platform.orders()) + " orders"
        + (u == null ? "" : " · " + u.clickWindowDays() + "-day click, " + u.viewWindowDays() + "-day view"));
    card(h, "Incremental revenue (experiments)", money(incremental),
        orders ? money(u.experimentOrders()) + " incremental orders" : null);
    card(h, "Platform last touch ÷ incremental", incremental > 0 ? num(attributed / incremental, 1) + "×" : "–",
        "revenue" + (orders ? "; " + num(platform.orders() / u.experimentOrders(), 1) + "× in orders" : "")
            + " · the ROAS chart's basis");
    if (orders && u.hasJourneys()) {
      card(h, "Journey credit ÷ incremental", range(u.creditLow() / u.experimentOrders(), u.creditHigh() / u.experimentOrders()),
          "orders, " + u.models() + " models on stitched journeys · the attribution section's basis");
    }
    if (orders && u.hasCalibration()) {
      card(h, "Calibrated credit ÷ incremental",
          range(u.calibratedLow() / u.experimentOrders(), u.calibratedHigh() / u.experimentOrders()),
          "orders · journey credit scaled by the experiments");
    }
    card(h, "Campaigns to scale / cut", increase + " / " + reduce, null);
    h.append("</div>");
  }

  private static String range(double low, double high) {
    String a = num(low, 1);
    String b = num(high, 1);
    return (a.equals(b) ? a : a + "–" + b) + "×";
  }

  /** One small table: which conversions each number counts, and how many there are. */
  private static void reconciliation(StringBuilder h, KpiTotals platform, ConversionUniverses u) {
    if (u == null || !(u.experimentOrders() > 0)) {
      return;
    }
    String lookback = u.lookbackDays() == null ? "the journey lookback" : "the " + u.lookbackDays() + " days";
    h.append("<h2>Which conversions each number counts</h2><table class=\"compact\"><tr><th class=\"t\">basis</th>")
        .append("<th class=\"t\">counts</th><th class=\"t\">used in</th><th>orders credited to the ")
        .append(u.campaigns()).append(" experimented campaigns</th><th>÷ experiment incremental orders</th></tr>");
    row(h, "Platform last touch", "orders of members with a click on one of the advertiser's campaigns in the "
        + u.clickWindowDays() + " days before, else an impression in the " + u.viewWindowDays() + " day"
        + (u.viewWindowDays() == 1 ? "" : "s") + " before; the ad platform's own logs",
        "headline revenue, ROAS chart, recommendations, channel table", money(platform.orders()),
        num(platform.orders() / u.experimentOrders(), 2) + "×");
    if (u.hasJourneys()) {
      row(h, "Stitched journeys", "every order and web purchase of the advertiser by an identity-resolved person with "
          + "any touch (platform ads, TV, streaming, web visits) in " + lookback + " before: "
          + money(u.journeyConversions()) + " converting journeys, which each model splits between campaigns and channels",
          "attribution section", money(u.creditLow()) + "–" + money(u.creditHigh()) + " (by model)",
          range(u.creditLow() / u.experimentOrders(), u.creditHigh() / u.experimentOrders()));
    }
    if (u.hasCalibration()) {
      row(h, "Calibrated attribution", "each model's journey credit × the experiments' factor (incremental ÷ credited, "
          + "pooled within and across channels)", "attribution section",
          money(u.calibratedLow()) + "–" + money(u.calibratedHigh()) + " (by model)",
          range(u.calibratedLow() / u.experimentOrders(), u.calibratedHigh() / u.experimentOrders()));
    }
    row(h, "Experiments", "orders the campaigns caused: treated minus ghost-ad control",
        "lift chart, incremental ROAS, flags, recommendations", money(u.experimentOrders()) + " (95% CI "
            + money(u.experimentLow()) + " to " + money(u.experimentHigh()) + ")", "1×");
    String times = u.hasJourneys() && platform.orders() > 0
        ? range(u.creditLow() / platform.orders(), u.creditHigh() / platform.orders()) : "several times";
    h.append("</table><p class=\"note\">The journeys credit the campaigns ").append(esc(times))
        .append(" the orders the platform does ");
    h.append("because they look back ").append(u.lookbackDays() == null ? "further" : u.lookbackDays() + " days")
        .append(" instead of ").append(u.clickWindowDays()).append(" after a click and ").append(u.viewWindowDays())
        .append(" after an impression, and count web purchases too. Both count buyers who would have bought anyway; ")
        .append("only the experiments remove them, which is why calibrated credit lands near the experiments.</p>");
  }

  private static void row(StringBuilder h, String basis, String counts, String usedIn, String orders, String ratio) {
    h.append("<tr><td class=\"t\"><b>").append(esc(basis)).append("</b></td><td class=\"wrap\">").append(esc(counts))
        .append("</td><td class=\"t\">").append(esc(usedIn)).append("</td><td>").append(esc(orders)).append("</td><td>")
        .append(esc(ratio)).append("</td></tr>");
  }

  private static void card(StringBuilder h, String title, String value, String detail) {
    h.append("<div class=\"card\">").append(esc(title)).append("<b>").append(esc(value)).append("</b>");
    if (detail != null) {
      h.append("<small>").append(esc(detail)).append("</small>");
    }
    h.append("</div>");
  }

  private static void legend(StringBuilder h) {
    h.append("<div class=\"note\">");
    for (EfficiencyFlag f : EfficiencyFlag.values()) {
      h.append("<span style=\"color:").append(FLAG_COLORS.get(f)).append("\">● ").append(f.label()).append("</span>&nbsp;&nbsp; ");
    }
    h.append("</div>");
  }

  private static void recommendations(StringBuilder h, List<CampaignDecision> decisions) {
    h.append("<h2>Recommendations</h2><table><tr><th>#</th><th class=\"t\">campaign</th><th class=\"t\">channel</th>")
        .append("<th>spend</th><th>attributed ROAS</th><th>incremental ROAS (95% CI)</th><th class=\"t\">flag</th>")
        .append("<th class=\"t\">recommendation</th><th>budget change</th><th class=\"t\">reason</th></tr>");
    for (CampaignDecision d : decisions) {
      CampaignEvidence e = d.evidence();
      h.append("<tr><td>").append(d.incrementalityRank()).append("</td><td class=\"t\">").append(esc(label(e)))
          .append("</td><td class=\"t\">").append(esc(e.channel())).append("</td><td>").append(money(e.spend()))
          .append("</td><td>").append(num(e.attributedRoas(), 2)).append("</td><td>").append(num(e.incrementalRoas(), 2))
          .append(" (").append(num(e.incrementalRoasCiLow(), 2)).append(" to ").append(num(e.incrementalRoasCiHigh(), 2))
          .append(")</td><td class=\"t flag\" style=\"color:").append(FLAG_COLORS.get(d.flag())).append("\">")
          .append(d.flag().label()).append("</td><td class=\"t\">").append(d.recommendation().label())
          .append("</td><td>").append(money(d.budgetChange())).append("</td><td class=\"t\">").append(esc(d.reason()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void channelTable(StringBuilder h, List<ChannelKpi> channels, ConversionUniverses u) {
    h.append("<h2>Delivery by channel (to date)</h2><p class=\"note\">Attributed orders and revenue are platform last ")
        .append("touch")
        .append(u == null ? "" : " (" + u.clickWindowDays() + "-day click, " + u.viewWindowDays() + "-day view)")
        .append(", the headline's basis: what the platform reports, not what the ads caused.</p><table><tr><th class=\"t\">channel</th><th>impressions</th>")
        .append("<th>clicks</th><th>CTR</th><th>spend</th><th>CPM</th><th>attributed orders</th><th>attributed revenue</th>")
        .append("<th>attributed ROAS</th></tr>");
    for (ChannelKpi c : channels) {
      h.append("<tr><td class=\"t\">").append(esc(c.channel())).append("</td><td>").append(money(c.impressions()))
          .append("</td><td>").append(money(c.clicks())).append("</td><td>").append(num(100 * c.ctr(), 2)).append("%")
          .append("</td><td>").append(money(c.spend())).append("</td><td>").append(num(c.cpm(), 2))
          .append("</td><td>").append(money(c.attributedOrders())).append("</td><td>").append(money(c.attributedRevenue()))
          .append("</td><td>").append(num(c.roas(), 2)).append("</td></tr>");
    }
    h.append("</table>");
  }
}
