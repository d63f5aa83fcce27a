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
