package io.triangulate.decide.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.decide.policy.CampaignEvidence;
import io.triangulate.decide.policy.DecisionEngine;
import io.triangulate.decide.policy.DecisionPolicy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

  @Test
  void rendersASelfContainedPageWithBothChartsAndEscapedText() {
    var decisions =
        new DecisionEngine(new DecisionPolicy(500, 1.5, 1.0, 0.5, 0.2, 0.3, 0.5, 0.001))
            .decide(
                List.of(
                    new CampaignEvidence("C1", "Coffee <launch> & more", "email", 1000, 5000, 5000,
                        0.01, 0.004, 0.016, 0.001, 2500, 2.5, 1.0, 4.0),
                    new CampaignEvidence("C2", "Tea", "ooh", 1000, 3000, 5000,
                        0.0, -0.004, 0.004, 0.9, 0, 0.0, -1.0, 1.0)));
    String html =
        ReportWriter.render(LocalDate.parse("2026-02-15"), decisions,
            List.of(new ChannelKpi("email", 100000, 500, 1000, 40, 5000, 0.005, 10, 5)));

    assertEquals(2, html.split("<svg ", -1).length - 1, "lift chart and ROAS chart");
    assertTrue(html.contains("Coffee &lt;launch&gt; &amp; more"));
    assertFalse(html.contains("<launch>"));
    assertFalse(html.contains("<script"), "no scripts: the page must open anywhere");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"),
        "no external resources besides the SVG namespace");
    assertTrue(html.contains("high_impact") && html.contains("increase_budget"));
    // Spend 2,000; attributed 8,000; incremental 2,500: the headline ratio is 3.2×.
    assertTrue(html.contains("<b>3.2×</b>"), "attributed ÷ incremental card");
  }

  /**
   * The cards and the reconciliation table name each number's conversions. Platform: 883 orders over
   * 667.7 incremental = 1.32×; journeys 3,128.7-3,437.1 = 4.7-5.1×, i.e. 3.5-3.9× the platform's 883;
   * calibrated 689.4-702.3 = 1.0-1.1×.
   */
  @Test
  void namesAndReconcilesTheConversionsOfEveryNumber() {
    var decisions = new DecisionEngine(new DecisionPolicy(500, 1.5, 1.0, 0.5, 0.2, 0.3, 0.5, 0.001)).decide(List.of(
        new CampaignEvidence("C1", "Coffee", "email", 1000, 34319, 5000, 0.01, 0.004, 0.016, 0.001, 31095, 2.5, 1.0, 4.0)));
    var universes = new ConversionUniverses(7, 1, 30, 5499, 8, 3128.7, 3437.1, 12, 667.7, 380.2, 955.1, 689.4, 702.3);
    String html = ReportWriter.render(LocalDate.parse("2026-02-15"), decisions,
        List.of(new ChannelKpi("all", 411_427, 7_341, 6_839, 883, 34_319, 0.0178, 16.62, 5.02)), List.of(), universes);

    assertTrue(html.contains("Platform last-touch revenue<b>34,319</b><small>883 orders · 7-day click, 1-day view</small>"), html);
    assertTrue(html.contains("<b>1.1×</b><small>revenue; 1.3× in orders · the ROAS chart&#39;s basis</small>"), html);
    assertTrue(html.contains("Journey credit ÷ incremental<b>4.7–5.1×</b>"), html);
    assertTrue(html.contains("Calibrated credit ÷ incremental<b>1.0–1.1×</b>"), html);
    assertTrue(html.contains("<h2>Which conversions each number counts</h2>"));
    assertTrue(html.contains("<td>883</td><td>1.32×</td>"), "platform row");
    assertTrue(html.contains("<td>3,129–3,437 (by model)</td><td>4.7–5.1×</td>"), "journeys row");
    assertTrue(html.contains("<td>668 (95% CI 380 to 955)</td><td>1×</td>"), "experiments row");
    assertTrue(html.contains("The journeys credit the campaigns 3.5–3.9× the orders the platform does because they look "
        + "back 30 days instead of 7 after a click and 1 after an impression"), html);
  }

  @Test
  void axisTicksAreRoundAndIncludeZero() {
    assertArrayEquals(new double[] {-1, 0, 1, 2, 3}, Charts.ticks(Charts.range(new double[] {-1.0, 3.0})), 1e-12);
    assertArrayEquals(new double[] {0, 0.002, 0.004, 0.006, 0.008, 0.01}, Charts.ticks(Charts.range(new double[] {0.0, 0.01})), 1e-12);
  }

  @Test
  void longLabelsAreShortenedWithAnEllipsis() {
    String label = "C04 · Summit Outdoor · CTV streaming · Always-on brand campaign";
    assertEquals(52, Charts.shorten(label).length());
    assertTrue(Charts.shorten(label).endsWith("…"));
    assertEquals("short", Charts.shorten("short"));
  }
}
