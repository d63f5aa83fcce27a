package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.evaluate.ChannelRoasScore;
import io.triangulate.evaluate.MmmEvaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse MMM against the simulator's true channel ROAS, on the weekly data it is meant for:
 * a world of 10,000 members whose member-level period is two weeks, preceded by the default
 * configs' market history (104 weeks × 24 markets, configs/market_history.yaml), goes through
 * simulate → load → build (experiments, attribution and decisions skipped: the fit runs without
 * lift calibration, so the test measures the regression alone), then `mmm fit --warehouse --grain
 * weekly --signed-effects` on the 106 weekly periods. The world is seeded, so the outcome is
 * deterministic; the bounds say what the test can detect.
 *
 * <p>Coverage: for calibrated 90% intervals the number of covered channels among 8 is about
 * Binomial(8, 0.9), P(≤ 5) ≈ 0.04, so requiring 6 fails only for intervals clearly too narrow or
 * biased; the demo's target (≥ 7 of 8) is checked on the default world by the demo's printout.
 * Signed effects, because channels can have zero or negative true ROAS (zero- and negative-lift
 * campaigns) that a non-negative β can never cover. Bayesian contribution shares within 10 points
 * of the truth. Ridge intervals (moving-block bootstrap over weeks with the chosen penalty) must be
 * bounded: none wider than 150 ROAS units, where the 42-day daily fit gave 0 to 1,328 (this small
 * world's email, 1,700 of spend over two years, is the widest: measured [0, 101.7]). No divergent
 * transitions, and split R-hat below 1.05 as a guard against the β–saturation ridge coming back
 * (measured 1.037 at 2 × 300 draws when β was sampled directly, 1.012 since each channel's mean
 * contribution is sampled). Since the history also carries the simulated geo tests (linear TV off in
 * four markets for eight weeks), 2 × 300 draws gave 1.080 and 2 × 500 give 1.013 (onsite_search's
 * saturation rate), so the test runs 2 × 500; R-hat < 1.01 does not hold on this small world, nor on
 * the default demo world with the geo tests (1.045 at 4 × 1,000, offsite_social's effect).
 *
 * <p>Measured with seed 7 (18 s on 2 busy cores, pipeline 11 s and fit 7 s): Bayesian 8 of 8
 * covered (mean width 30.2, largest share error 4.3 points), ridge 7 of 8 (email's negative truth
 * is outside its non-negative interval; onsite_search's share is 16 points off).
 */
class MmmAccuracyIT {

  @Test
  void weeklyHistoryRecoversTheTrueChannelRoas(@TempDir Path dir) {
    Progress.setQuiet(true);
    TestWorld world = TestWorld.create(dir, Map.of("seed", "7", "days", "14", "members", "10000", "advertisers", "4"));
    long start = System.nanoTime();
    assertEquals(0, world.cli("run", "--from", "2026-01-05", "--to", "2026-01-18", "--skip", "experiments,attribute,decide"));
    long pipeline = System.nanoTime();
    assertEquals(0, world.cli("mmm", "fit", "--warehouse", "--grain", "weekly", "--signed-effects", "--no-experiments",
        "--out", dir.resolve("mmm").toString(), "--iterations", "200", "--trials", "2", "--chains", "2", "--warmup", "500",
        "--draws", "500"));
    long fit = System.nanoTime();

    List<ChannelRoasScore> scores;
    try (Database db = world.open()) {
      scores = new MmmEvaluation(db.dsl()).scores();
    }
    System.out.printf("MmmAccuracyIT: pipeline %.0f s, fit %.0f s%n%s", (pipeline - start) / 1e9, (fit - pipeline) / 1e9,
        MmmEvaluation.summary(scores));
    List<ChannelRoasScore> bayesian = scores.stream().filter(s -> s.model().equals("bayesian")).toList();
    List<ChannelRoasScore> ridge = scores.stream().filter(s -> s.model().equals("ridge")).toList();
    assertEquals(8, bayesian.size(), "every channel modelled: " + bayesian);
    long covered = bayesian.stream().filter(ChannelRoasScore::covered).count();
    assertTrue(covered >= 6, "bayesian: " + covered + " of 8 channels covered");
    for (ChannelRoasScore s : bayesian) {
      assertTrue(s.shareErrorPoints() < 10, "bayesian " + s.channel() + ": share error " + s.shareErrorPoints());
    }
    for (ChannelRoasScore s : ridge) {
      assertTrue(s.width() < 150, "ridge " + s.channel() + ": interval [" + s.roasLow() + ", " + s.roasHigh() + "]");
    }
    Map<String, Double> metrics = bayesianMetrics(dir.resolve("mmm").resolve("fit_metrics.csv"));
    assertTrue(metrics.get("rhat_max") < 1.05, "bayesian split R-hat " + metrics.get("rhat_max"));
    assertEquals(0.0, metrics.get("divergences"), "bayesian divergent transitions");
  }

  private static Map<String, Double> bayesianMetrics(Path file) {
    try {
      Map<String, Double> out = new java.util.HashMap<>();
      for (String line : java.nio.file.Files.readAllLines(file)) {
        String[] cells = line.split(",");
        if (cells.length == 3 && cells[0].equals("bayesian")) {
          out.put(cells[1], Double.parseDouble(cells[2]));
        }
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
