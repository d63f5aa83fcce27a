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
 * The warehouse MMM against the simulator's true channel ROAS: a 20-week world of 10,000 members
 * goes through simulate → load → build (experiments, attribution and decisions skipped: the fit runs without
 * lift calibration, so the test measures the regression alone), then `mmm fit --warehouse` on the
 * 140 daily periods. The world is seeded, so the outcome is deterministic; the bound says what the
 * test can detect. For calibrated 90% intervals, the number of covered channels among k is about
 * Binomial(k, 0.9): with k = 8, P(≤ 4 covered) ≈ 0.005, so requiring at least 60% of the channels
 * whose true ROAS is not negative fails only for intervals that are clearly too narrow or biased.
 * Channels whose truth is negative (a negative-lift campaign dominating an onsite channel) cannot
 * be covered: media coefficients are non-negative by design, which the printed table shows.
 *
 * <p>The slowest test of the suite (about 4 minutes on 2 cores: 140 simulated days through load
 * and build, then a 20-second fit); a shorter or smaller world leaves an MMM too few periods or too
 * noisy a target to say anything. Measured with seed 7: Bayesian 6 of 8 channels covered (6 of 7
 * with non-negative truth; mean width 24.9), ridge 7 of 8 (7 of 7; mean width 20.8). The intervals
 * are wide: channels whose spend is a few hundred over 140 days cannot be pinned down by a
 * regression on 10,000 members' daily revenue, and the test says no more than that they are honest.
 */
class MmmAccuracyIT {

  @Test
  void trueChannelRoasFallsInsideMostNinetyPercentIntervals(@TempDir Path dir) {
    Progress.setQuiet(true);
    TestWorld world = TestWorld.create(dir, Map.of("seed", "7", "days", "140", "members", "10000", "advertisers", "4"));
    long start = System.nanoTime();
    assertEquals(0, world.cli("run", "--from", "2026-01-05", "--to", "2026-05-24", "--skip", "experiments,attribute,decide"));
    long pipeline = System.nanoTime();
    assertEquals(0, world.cli("mmm", "fit", "--warehouse", "--no-experiments", "--out", dir.resolve("mmm").toString(),
        "--iterations", "300", "--trials", "2", "--chains", "2", "--warmup", "300", "--draws", "300"));
    long fit = System.nanoTime();

    List<ChannelRoasScore> scores;
    try (Database db = world.open()) {
      scores = new MmmEvaluation(db.dsl()).scores();
    }
    System.out.printf("MmmAccuracyIT: pipeline %.0f s, fit %.0f s%n%s", (pipeline - start) / 1e9, (fit - pipeline) / 1e9,
        MmmEvaluation.summary(scores));
    for (String model : List.of("bayesian", "ridge")) {
      List<ChannelRoasScore> eligible = scores.stream().filter(s -> s.model().equals(model) && s.trueRoas() >= 0).toList();
      long covered = eligible.stream().filter(ChannelRoasScore::covered).count();
      assertTrue(eligible.size() >= 6, model + ": expected most of the 8 channels to be modelled, got " + eligible);
      assertTrue(covered >= Math.ceil(0.6 * eligible.size()),
          model + ": " + covered + " of " + eligible.size() + " channels covered");
    }
  }
}
