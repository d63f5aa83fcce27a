package io.triangulate.uplift.insights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.db.marts.tables.records.CreativeStatsRecord;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InsightStatisticsTest {

  @Test
  void holmAdjustsStepDownAndKeepsOrder() {
    // p sorted: 0.01, 0.02, 0.04 (m = 3): 0.03, max(0.03, 0.04) = 0.04, max(0.04, 0.04) = 0.04.
    assertArrayEquals(new double[] {0.04, 0.03, Double.NaN, 0.04}, Proportions.holm(new double[] {0.04, 0.01, Double.NaN, 0.02}),
        1e-15);
  }

  @Test
  void wilsonIntervalMatchesTheClosedForm() {
    // 10 of 100 at z = 1.96: centre (0.1 + 0.019208)/1.038416, half 1.96·√(0.0009 + 0.0000960)/1.038416.
    double[] ci = Proportions.wilson(10, 100, 1.96);
    assertEquals(0.05522854, ci[0], 1e-7);
    assertEquals(0.17436730, ci[1], 1e-7);
  }

  @Test
  void weightedRidgeRecoversCoefficientsWithinGroups() {
    // y = group level + 0.3·a − 0.2·b + noise(0.01): the within transform removes the levels, a
    // tiny penalty leaves the slopes, and the HC0 intervals (about ±0.002 here) cover them.
    SplittableRandom random = new SplittableRandom(3);
    int n = 400;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    double[] w = new double[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble();
      x[i][1] = random.nextInt(2);
      g[i] = "c" + (i % 7);
      y[i] = (i % 7) * 5.0 + 0.3 * x[i][0] - 0.2 * x[i][1] + 0.01 * random.nextGaussian();
      w[i] = 1;
    }
    WeightedRidge.Fit fit = WeightedRidge.fit(x, y, w, g, 1e-6);
    assertEquals(0.3, fit.beta()[0], 4 * fit.se()[0]);
    assertEquals(-0.2, fit.beta()[1], 4 * fit.se()[1]);
    assertTrue(fit.se()[0] < 0.005 && fit.se()[1] < 0.005, "se " + fit.se()[0] + ", " + fit.se()[1]);
  }

  @Test
  void aCreativeWithClearlyHigherLiftWinsAndTheCampaignRotatesToIt() {
    // Three creatives, 20,000 members each (18,000 treated): control converts 5% everywhere,
    // treated 5%, 5% and 8%. C's lift is 3 pp above the rest's (SE 0.64 pp, z 4.7, p 2.8e-6): a
    // winner after Holm over the campaign's 6 tests. A and B are 1.5 pp below the rest (z −2.37,
    // p 0.018), which Holm (× 5) does not keep: no difference, not losers. CTRs are equal (p 1).
    List<CreativeStatsRecord> stats = List.of(
        record("K1", "A", 100_000, 2_000, 18_000, 2_000, 900, 100),
        record("K1", "B", 100_000, 2_000, 18_000, 2_000, 900, 100),
        record("K1", "C", 100_000, 2_000, 18_000, 2_000, 1_440, 100),
        // A campaign whose creatives are identical: no difference, keep the rotation.
        record("K2", "D", 50_000, 1_000, 9_000, 1_000, 450, 50),
        record("K2", "E", 50_000, 1_000, 9_000, 1_000, 450, 50));
    CreativeInsights.Result result = CreativeInsights.analyse(stats);
    assertEquals("C", result.rotateTo().get("K1"));
    assertEquals(List.of("no_difference", "no_difference", "winner"),
        result.insights().stream().filter(i -> i.campaignId().equals("K1")).map(CreativeInsights.Insight::verdict).toList());
    assertEquals(null, result.rotateTo().get("K2"));
    assertTrue(result.recommendation().get("K2").startsWith("keep the rotation"), result.recommendation().get("K2"));
    CreativeInsights.Insight c = result.insights().get(2);
    assertEquals(0.08 - 0.05, c.lift(), 1e-12);
    assertEquals(0.02, c.ctr(), 1e-12);
  }

  @Test
  void audienceDecisionRule() {
    assertEquals("target", AudienceInsights.decision(0.02, 0.001, 0.04, 0.01));
    assertEquals("exclude", AudienceInsights.decision(-0.02, -0.03, -0.001, 0.01));
    assertEquals("exclude", AudienceInsights.decision(-0.001, -0.01, 0.008, 0.01));
    assertEquals("test_more", AudienceInsights.decision(-0.001, -0.01, 0.012, 0.01));
    assertEquals("test_more", AudienceInsights.decision(0.01, -0.01, 0.03, 0.01));
  }

  private static CreativeStatsRecord record(String campaign, String creative, long impressions, long clicks, long treated,
      long control, long convT, long convC) {
    CreativeStatsRecord r = new CreativeStatsRecord();
    r.setCampaignId(campaign);
    r.setCreativeId(creative);
    r.setFormat("banner");
    r.setPrimaryTag(creative.equals("C") ? "product" : "discount");
    r.setSecondaryTag("none");
    r.setCallToAction(creative.equals("A") ? "Shop now" : "Learn more");
    r.setLengthSeconds(0);
    r.setHeadlineWords(4);
    r.setHeadlineHasDiscount(false);
    r.setImpressions(impressions);
    r.setClicks(clicks);
    r.setClickers(clicks);
    r.setTreatedMembers(treated);
    r.setControlMembers(control);
    r.setTreatedConverters(convT);
    r.setControlConverters(convC);
    r.setTreatedOrders(convT);
    r.setControlOrders(convC);
    return r;
  }
}
