package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.decide.report.GeoSection;
import io.triangulate.evaluate.GeoEvaluation;
import io.triangulate.geo.design.GeoDesigner;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoPanel;
import io.triangulate.geo.warehouse.GeoTestRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated geo tests of the market history, read out by `geo test` and scored against the
 * simulator's truth: for a few seeded small worlds (10,000 members, 4 advertisers, one member-level
 * day after the default 104-week × 24-market history with its geo tests: linear TV off in 4 markets
 * over the last 8 weeks), simulate → load → build, then `geo test` (AUGSC, 90%) twice (the second
 * run must leave the same rows: delete-then-insert), then {@link GeoEvaluation} and the report's
 * {@link GeoSection}.
 *
 * <p>Coverage: with calibrated 90% intervals the covered count among n tests is about Binomial(n,
 * 0.9); the bound below fails with probability under 1% for calibrated intervals (see the assert).
 * The geo step must stay under the 10 s for all tests of a world.
 */
class GeoTestIT {

  private static final String RESULTS = "select * from marts.geo_results order by advertiser_id, channel, start_date";
  /** The pipeline design's settings: 30 weekly placebo windows, a week apart, 90%. */
  private static final GeoDesigner.Options DESIGN =
      new GeoDesigner.Options(List.of(12), 0.05, 8, 1, 30, 0.9, GeoMethod.SC, Double.NaN, 2.0, 1, 1);

  @Test
  void simulatedGeoTestsAreCoveredByTheirIntervals(@TempDir Path dir) {
    Progress.setQuiet(true);
    List<GeoEvaluation.Score> all = new ArrayList<>();
    List<Double> powers = new ArrayList<>();
    int halfWidthBelowTruth = 0;
    double slowest = 0;
    for (String seed : List.of("7", "11", "23")) {
      TestWorld world = TestWorld.create(dir.resolve("s" + seed),
          Map.of("seed", seed, "days", "1", "members", "10000", "advertisers", "4"));
      assertEquals(0, world.cli("run", "--from", "2026-01-05", "--to", "2026-01-05", "--skip", "experiments,attribute,decide"));
      long start = System.nanoTime();
      assertEquals(0, world.cli("geo", "test"));
      slowest = Math.max(slowest, (System.nanoTime() - start) / 1e9);
      List<GeoEvaluation.Score> first;
      try (Database db = world.open()) {
        first = new GeoEvaluation(db.dsl()).scores();
      }
      // The design of each planned test on its pre-test history, and its power at the true effect.
      assertEquals(0, world.cli("geo", "design", "--warehouse"));
      try (Database db = world.open()) {
        for (GeoEvaluation.Score s : first) {
          var planned = db.dsl().fetchSingle("select treated_markets, duration_weeks, baseline, power from marts.geo_design"
              + " where advertiser_id = ? and planned", s.advertiserId());
          double baseline = planned.get(2, Double.class);
          var plan = GeoTestRun.plans(db.dsl()).stream().filter(p -> p.advertiserId().equals(s.advertiserId())).findFirst()
              .orElseThrow();
          GeoPanel history = GeoTestRun.panel(db.dsl(), plan.advertiserId(), plan.channel(), plan.start().minusDays(1));
          double power = GeoDesigner.evaluate(history, plan.treated(), planned.get(1, Integer.class),
              s.trueIncrementalRevenue() / baseline, DESIGN).power();
          powers.add(power);
          halfWidthBelowTruth += (s.high() - s.low()) / 2 < Math.abs(s.trueIncrementalRevenue()) ? 1 : 0;
        }
      }
      // No truth in the geo step: without truth.geo_test, `geo test` writes the same read-outs again.
      List<String> rows;
      try (Database db = world.open()) {
        rows = db.dsl().fetch(RESULTS).map(r -> r.formatCSV(false));
        db.dsl().execute("delete from truth.geo_test");
      }
      assertEquals(0, world.cli("geo", "test"));
      try (Database db = world.open()) {
        assertEquals(rows, db.dsl().fetch(RESULTS).map(r -> r.formatCSV(false)),
            "re-running geo test without the truth replaces the same rows");
        // The report's geo section: a table row and a treated-vs-synthetic / cumulative plot per test.
        String section = GeoSection.load(db.dsl()).orElseThrow();
        assertEquals(first.size(), section.split("<svg", -1).length - 1, "one plot per geo test");
        for (GeoEvaluation.Score s : first) {
          assertTrue(section.contains(s.advertiserId() + " linear_tv geo test"), s.advertiserId() + " plotted");
        }
      }
      assertTrue(!first.isEmpty(), "seed " + seed + " has a linear TV buyer with a geo test");
      for (GeoEvaluation.Score s : first) {
        assertTrue(s.trueIncrementalRevenue() < 0, "switching TV off loses revenue: " + s);
        assertEquals(0.9, s.confidence(), 0.0);
      }
      all.addAll(first);
    }
    long covered = all.stream().filter(GeoEvaluation.Score::covered).count();
    System.out.printf("GeoTestIT: slowest geo step %.1f s; design power at the true effect %s; half-width < |truth| in %d"
        + " of %d%n%s", slowest, powers, halfWidthBelowTruth, all.size(), GeoEvaluation.summary(all));
    assertTrue(slowest < 10, "geo analysis of all simulated tests took " + slowest + " s");
    // P(Binomial(n, 0.9) < n − 2 − n/5) < 0.01 for every n ≤ 20 (largest at n = 14: 0.0092, summed
    // binomial terms): calibrated intervals fail it rarely, intervals covering under ~70% usually.
    // Measured (seeds 7, 11, 23): 9 of 9 covered; the true effects (−16 to −62) are small against the
    // intervals' half-widths (~500), so this small world checks calibration, not power.
    int n = all.size();
    assertTrue(covered >= n - 2 - n / 5, covered + " of " + n + " geo tests covered");
  }
}
