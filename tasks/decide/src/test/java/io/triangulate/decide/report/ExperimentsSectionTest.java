package io.triangulate.decide.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentsSectionTest {

  private static ExperimentsSection.Campaign campaign(String id, double srmP, boolean flagged) {
    return new ExperimentsSection.Campaign(id, 8000, 1800, 0.2, srmP, flagged, 0.01, 0.002, 0.018, 0.011, 0.003,
        0.019, 0.05, "continue", 0.01, 0.02, true, 0.99, 0.0001, 0.5, 0.1, 0.9, 30);
  }

  @Test
  void flagsMismatchedCampaignsMarksSurvivorsAndDrawsBothIntervalsPerCampaign() {
    LocalDate d1 = LocalDate.parse("2026-01-10");
    LocalDate d2 = d1.plusDays(1);
    String html = ExperimentsSection.render(new ExperimentsSection.Data(
        d2,
        List.of(campaign("C01", 0.4, false), campaign("C05", 1e-9, true)),
        Map.of("C01", List.of(
            new ExperimentsSection.Day(d1, 0.01, -0.01, 0.03, -0.05, 0.07),
            new ExperimentsSection.Day(d2, 0.012, 0.001, 0.023, -0.02, 0.044))),
        List.of(new ExperimentsSection.Segment("C01", "region=north", 0.02, 0.01, 0.03, true),
            new ExperimentsSection.Segment("C01", "region=south", 0.02, 0.04, 0.08, false))));
    assertTrue(html.contains("<b>Sample-ratio mismatch:</b> 1 campaign (C05)"), html);
    assertTrue(html.contains("C05 <b class=\"flag\">SRM</b>"));
    assertTrue(html.contains("1 of 2 survive."));
    assertTrue(html.contains("1.10 (0.30 to 1.90)"), "CUPED interval in percentage points");
    // One plot with the always-valid (blue) and fixed-horizon (grey) bands.
    assertEquals(1, html.split("<svg", -1).length - 1);
    assertTrue(html.contains("fill=\"#cfe0f5\"") && html.contains("fill=\"#d9d9d9\""));
  }
}
