package io.triangulate.decide.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.decide.policy.CampaignDecision;
import io.triangulate.decide.policy.CampaignEvidence;
import io.triangulate.decide.policy.DecisionEngine;
import io.triangulate.decide.policy.DecisionPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: rendered by headless Chromium at 1280 px, with every section at
 * the demo world's sizes (12 campaigns, 8 attribution models, 16 journey channels, a 200-point Q-Q
 * plot, an MMM on 8 channels). A script appended to a copy of the page measures the layout into the
 * DOM, which {@code --dump-dom} returns: nothing may be wider than the page, no table wider than the
 * text column, every chart at least 600 px wide with axis titles. Needs {@code chromium} on PATH
 * ({@code scripts/browser-deps.sh} installs it) and skips, saying so, without one.
 */
class ReportLayoutTest {

  private static final int WIDTH = 1280;
  private static final int MIN_CHART_WIDTH = 600;
  /** The experiments' sequential plots are small multiples, laid out several to a row. */
  private static final int MIN_SMALL_MULTIPLE_WIDTH = 280;
  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /** Writes the measurements as "key=value" words into a pre element; the report itself has no scripts. */
  private static final String MEASURE = """
      <script>(function () {
        var de = document.documentElement, out = ["scrollWidth=" + de.scrollWidth];
        var body = document.body, style = getComputedStyle(body), box = body.getBoundingClientRect();
        out.push("contentRight=" + Math.round(box.right - parseFloat(style.paddingRight)));
        document.querySelectorAll("table").forEach(function (t, i) {
          out.push("table" + i + "=" + Math.round(t.getBoundingClientRect().right));
        });
        document.querySelectorAll("svg").forEach(function (s, i) {
          var axes = Array.prototype.filter.call(s.querySelectorAll("text.axis"), function (t) {
            return t.textContent.trim().length > 0 && t.getBoundingClientRect().width > 0; }).length;
          out.push("svg" + i + "=" + Math.round(s.getBoundingClientRect().width) + ":" + axes + ":" + (s.hasAttribute("data-xy") ? 2 : 1) + ":" + (s.hasAttribute("data-small-multiple") ? 1 : 0));
        });
        var pre = document.createElement("pre"); pre.id = "layout"; pre.textContent = out.join(" "); body.appendChild(pre);
      })();</script>""";

  @TempDir Path dir;

  @Test
  void reportFitsA1280PixelWindowWithReadableLabelledCharts() throws Exception {
    String browser = browser();
    Assumptions.assumeTrue(browser != null,
        "no chromium on PATH (looked for " + BROWSERS + "): run scripts/browser-deps.sh to install it; layout not checked");
    String html = ReportFixtures.fullReport();
    Path page = dir.resolve("report.html");
    Files.writeString(page, html.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);

    Map<String, String> m = measure(browser, page);

    assertTrue(Integer.parseInt(m.get("scrollWidth")) <= WIDTH, "page scrolls sideways at 1280 px: " + m);
    int contentRight = Integer.parseInt(m.get("contentRight"));
    List<String> svgs = new ArrayList<>();
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (e.getKey().startsWith("table")) {
        assertTrue(Integer.parseInt(e.getValue()) <= contentRight + 1,
            e.getKey() + " ends at " + e.getValue() + " px, right of the text column's " + contentRight);
      }
      if (e.getKey().startsWith("svg")) {
        svgs.add(e.getKey());
        String[] v = e.getValue().split(":");
        int minWidth = "1".equals(v[3]) ? MIN_SMALL_MULTIPLE_WIDTH : MIN_CHART_WIDTH;
        assertTrue(Integer.parseInt(v[0]) >= minWidth, e.getKey() + " is " + v[0] + " px wide, needs " + minWidth);
        assertTrue(Integer.parseInt(v[1]) >= Integer.parseInt(v[2]),
            e.getKey() + " has " + v[1] + " visible axis titles, needs " + v[2]);
      }
    }
    // Lift, ROAS, two sequential small multiples, attribution shares, Q-Q, MMM ROAS, fit, decomposition,
    // response curves; four geo tests (treated vs synthetic and cumulative effect, one chart each).
    assertEquals(14, svgs.size(), "charts measured: " + m);
  }

  private static Map<String, String> measure(String browser, Path page) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(page.getParent().resolve("profile"));
    ProcessBuilder pb = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--window-size=" + WIDTH + ",1000", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish in 60 s");
    String dom = new String(out, StandardCharsets.UTF_8);
    Matcher pre = Pattern.compile("<pre id=\"layout\">([^<]*)</pre>").matcher(dom);
    assertTrue(pre.find(), "no measurements in chromium's DOM (exit " + p.exitValue() + "): "
        + dom.substring(0, Math.min(300, dom.length())));
    Map<String, String> m = new LinkedHashMap<>();
    for (String word : pre.group(1).trim().split(" ")) {
      String[] kv = word.split("=", 2);
      m.put(kv[0], kv[1]);
    }
    return m;
  }

  private static String browser() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : BROWSERS) {
      for (String d : path.split(File.pathSeparator)) {
        Path candidate = Path.of(d, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }

  /** A full report at the demo world's sizes, from fixed made-up values. */
  static final class ReportFixtures {

    private ReportFixtures() {}

    static String fullReport() {
      LocalDate ds = LocalDate.parse("2026-02-15");
      List<String> channels = List.of("ctv_streaming", "email", "offsite_social", "onsite_display", "onsite_search");
      List<CampaignEvidence> evidence = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        double lift = 0.004 * (i % 5) - 0.006;
        evidence.add(new CampaignEvidence(String.format("C%02d", i), "Advertiser " + i + " · " + channels.get(i % 5) + " · Winter",
            channels.get(i % 5), 200 + 100 * i, 3000 + 250 * i, 3000, lift, lift - 0.01, lift + 0.01, 0.2,
            1000 * (i % 5) - 500, 2.5 * (i % 5) - 1, 2.5 * (i % 5) - 8, 2.5 * (i % 5) + 6));
      }
      List<CampaignDecision> decisions = new DecisionEngine(new DecisionPolicy(500, 1.5, 1.0, 0.5, 0.2, 0.3, 0.5, 0.001)).decide(evidence);
      List<ChannelKpi> kpis = new ArrayList<>();
      for (String c : channels) {
        kpis.add(new ChannelKpi(c, 135_787, 3_175, 3_858, 283, 10_980, 0.0482, 58.55, 13.0));
      }
      kpis.add(new ChannelKpi("all", 411_427, 7_341, 6_839, 883, 34_319, 0.0178, 16.62, 5.02));
      ConversionUniverses universes = new ConversionUniverses(7, 1, 30, 5499, 8, 3128.7, 3437.1, 12, 667.7, 380.2, 955.1,
          689.4, 702.3);
      return ReportWriter.render(ds, decisions, kpis, List.of(ExperimentsSection.render(experiments(ds)),
          AttributionSection.render(attribution(ds)), MmmSection.render(mmm()), GeoSection.render(geo())), universes);
    }

    /** Two campaigns' read-outs over 20 days, one of them failing the sample-ratio check. */
    /** Four geo tests as the demo has them: 104 weekly periods, the last 12 the test. */
    static List<GeoSection.Test> geo() {
      List<GeoSection.Test> tests = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        var sim = io.triangulate.geo.stats.GeoPanelGenerator.simulate(
            new io.triangulate.geo.stats.GeoPanelGenerator.World(24, 104, 12, 8, -0.03,
                io.triangulate.geo.stats.GeoPanelGenerator.World.standard().shape(), 0.02), i);
        var a = io.triangulate.geo.stats.GeoAnalyzer.analyze(sim.panel(), sim.test(),
            new io.triangulate.geo.stats.GeoOptions(io.triangulate.geo.stats.GeoMethod.SC, 0.9, true, -400.0));
        tests.add(new GeoSection.Test("A0" + i, "linear_tv", a, a.incremental().times(-1 / 400.0), a.pValue()));
      }
      return tests;
    }

    static ExperimentsSection.Data experiments(LocalDate ds) {
      Map<String, List<ExperimentsSection.Day>> days = new LinkedHashMap<>();
      for (String id : List.of("C01", "C05")) {
        List<ExperimentsSection.Day> series = new ArrayList<>();
        for (int d = 19; d >= 0; d--) {
          double width = 0.02 / Math.sqrt(20 - d);
          series.add(new ExperimentsSection.Day(ds.minusDays(d), 0.01, 0.01 - width, 0.01 + width, 0.01 - 2 * width,
              0.01 + 2 * width));
        }
        days.put(id, series);
      }
      List<ExperimentsSection.Campaign> campaigns = List.of(
          new ExperimentsSection.Campaign("C01", 8000, 1800, 0.2, 0.4, false, 0.01, 0.002, 0.018, 0.011, 0.003,
              0.019, 0.05, "continue", 0.01, 0.02, true, 0.99, 0.0001, 0.5, 0.1, 0.9, 30),
          new ExperimentsSection.Campaign("C05", 8411, 1751, 0.2, 3e-12, true, -0.001, -0.009, 0.007, -0.001, -0.009,
              0.007, 0.7, "continue", 0.7, 0.7, false, 0.35, 0.27, -0.09, -0.5, 0.32, 37));
      return new ExperimentsSection.Data(ds, campaigns, days,
          List.of(new ExperimentsSection.Segment("C01", "region=north", 0.02, 0.01, 0.03, true)));
    }

    static AttributionReportData attribution(LocalDate ds) {
      List<String> models = List.of("first_touch", "last_touch", "linear", "markov_1", "markov_2", "position_based",
          "shapley_simplified", "time_decay");
      List<String> journeyChannels = List.of("ctv_streaming", "email", "linear_tv", "offsite_social", "onsite_display",
          "onsite_search", "streaming", "web_direct", "web_display", "web_email", "web_organic", "web_search", "web_social",
          "web_streaming", "onsite_video", "retail_media_partner");
      Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
      for (int m = 0; m < models.size(); m++) {
        Map<String, Double> byChannel = new LinkedHashMap<>();
        for (int c = 0; c < journeyChannels.size(); c++) {
          byChannel.put(journeyChannels.get(c), (1 + (c + m) % 7) / 64.0);
        }
        shares.put(models.get(m), byChannel);
      }
      Map<String, Double> experimentShares = Map.of("ctv_streaming", 0.0, "email", 0.01, "offsite_social", 0.25,
          "onsite_display", 0.49, "onsite_search", 0.25);
      List<AttributionReportData.CampaignComparison> campaigns = new ArrayList<>();
      List<AttributionReportData.Calibrated> calibrated = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        String id = String.format("C%02d", i);
        Map<String, Double> credited = new LinkedHashMap<>();
        Map<String, Double> factors = new LinkedHashMap<>();
        for (int m = 0; m < models.size(); m++) {
          credited.put(models.get(m), 150.0 + 37.3 * ((i + m) % 9));
          factors.put(models.get(m), 0.2);
        }
        campaigns.add(new AttributionReportData.CampaignComparison(id, "onsite_display", credited, 318.44, -138.71, 424.34,
            "shapley_simplified", factors));
        calibrated.add(new AttributionReportData.Calibrated("campaign", id, "onsite_display", "shapley_simplified", 338.6,
            318.4, 0.52, 0.21, 0.83, "experiment", 176.1, 71.0, 281.0, 90.2));
      }
      for (String c : List.of("ctv_streaming", "email", "linear_tv", "offsite_social", "onsite_display", "onsite_search",
          "streaming")) {
        calibrated.add(new AttributionReportData.Calibrated("channel", c, c, "shapley_simplified", 1081.2, 324.1, 0.31, 0.17,
            0.44, c.contains("tv") || c.equals("streaming") ? "global_pool" : "experiment", 335.4, 187.2, 473.9, 157.5));
      }
      calibrated.add(new AttributionReportData.Calibrated("total", "all_media", "all", "shapley_simplified", 4287.8, 667.7,
          0.21, 0.12, 0.29, "mixed", 898.7, 505.3, 1230.2, 715.3));
      List<AttributionReportData.ModelScoreRow> scores = new ArrayList<>();
      for (int m = 0; m < models.size(); m++) {
        scores.add(new AttributionReportData.ModelScoreRow(models.get((m + 6) % models.size()), m + 1, 205.2 + m, 4.69 + m / 10.0,
            0, 12));
      }
      List<AttributionReportData.MatchRate> match = List.of(
          new AttributionReportData.MatchRate("streaming_impressions", "device", 42_540, 17_706),
          new AttributionReportData.MatchRate("web_purchases", "cookie", 631, 276));
      List<double[]> qq = new ArrayList<>();
      for (int k = 1; k <= 200; k++) {
        double z = -2.6 + 5.2 * (k - 1) / 199; // evenly spaced stand-ins for the normal quantiles
        qq.add(new double[] {z, 8.66 * (z > 2.3 ? 6 * z : 0.2 * z)}); // a long right tail, as the demo's residuals
      }
      AttributionReportData.Regression regression = new AttributionReportData.Regression(160_375, 0.016, 0.016, 8.66, 7,
          List.of(new AttributionReportData.Term("intercept", 0, 0.022, -0.042, 0.042, 1, Double.NaN)), qq);
      return new AttributionReportData(ds, LocalDate.parse("2025-02-16"), 5499, 27054, null, models, journeyChannels, shares,
          experimentShares, campaigns, scores, match, regression, 30, calibrated);
    }

    static MmmReportData mmm() {
      List<String> channels = List.of("ctv_streaming", "email", "linear_tv", "offsite_social", "onsite_display",
          "onsite_search", "ooh", "streaming");
      List<MmmReportData.Roas> roas = new ArrayList<>();
      List<MmmReportData.Curve> curves = new ArrayList<>();
      for (int c = 0; c < channels.size(); c++) {
        for (String model : List.of("bayesian", "ridge")) {
          roas.add(new MmmReportData.Roas(model, channels.get(c), 1000, 0.05, 4 + c, 1 + c, 9 + 2 * c, 2));
        }
        double[] spend = new double[50];
        double[] revenue = new double[50];
        double[] low = new double[50];
        double[] high = new double[50];
        for (int p = 0; p < 50; p++) {
          spend[p] = 5.0 * p;
          revenue[p] = 300 * (1 - Math.exp(-p / 12.0));
          low[p] = 0.6 * revenue[p];
          high[p] = 1.4 * revenue[p];
        }
        curves.add(new MmmReportData.Curve(channels.get(c), spend, revenue, low, high, 60));
      }
      List<LocalDate> dates = new ArrayList<>();
      int n = 42;
      double[] actual = new double[n];
      double[] fitted = new double[n];
      double[] fittedLow = new double[n];
      double[] fittedHigh = new double[n];
      for (int t = 0; t < n; t++) {
        dates.add(LocalDate.parse("2026-01-05").plusDays(t));
        actual[t] = 8000 + 1500 * Math.sin(t / 3.0);
        fitted[t] = 8000 + 1300 * Math.sin(t / 3.0);
        fittedLow[t] = fitted[t] - 1500;
        fittedHigh[t] = fitted[t] + 1500;
      }
      List<MmmReportData.Component> components = new ArrayList<>();
      for (String name : List.of("baseline", "trend", "dow_mon", "dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat")) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, name.equals("trend") ? -200 : 600);
        components.add(new MmmReportData.Component(name, v));
      }
      for (String c : channels) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 300);
        components.add(new MmmReportData.Component(c, v));
      }
      return new MmmReportData(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-02-15"), "day", "bayesian", roas,
          List.of(new MmmReportData.Metric("bayesian", "r_squared", 0.55), new MmmReportData.Metric("ridge", "r_squared", 0.64)),
          dates, components, actual, fitted, fittedLow, fittedHigh, curves,
          List.of(new MmmReportData.Loop("max_revenue", 6839, 6839, 120.5, 140.2, 80.1, 200.3)),
          channels.stream()
              .map(c -> new MmmReportData.Truth("bayesian", c, 2.0, 2.5, 0.5, 4.5, true, 0.02, 0.025))
              .toList());
    }
  }
}
