package io.triangulate.experiments.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.experiments.ExperimentCommand;
import io.triangulate.experiments.stats.PeekingSimulation;
import io.triangulate.experiments.testing.CommandRun;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SequentialStudyCommandTest {

  @Test
  void printsTheRatesOfTheSimulation() {
    CommandRun run =
        CommandRun.of(new ExperimentCommand(), "sequential-study", "--experiments", "500", "--days", "10", "--seed", "3");
    assertEquals(0, run.exitCode(), run.err());
    PeekingSimulation.Result r = PeekingSimulation.run(500, 10, 200, 0.0, 0.05, 3);
    assertTrue(
        run.out().contains(String.format(Locale.ROOT, "%7.2f%%", 100 * r.sequentialRejectionRate())), run.out());
    assertTrue(run.out().contains("always-valid mSPRT interval, peeked daily"), run.out());

    CommandRun bad = CommandRun.of(new ExperimentCommand(), "sequential-study", "--alpha", "5");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--alpha must be strictly between 0 and 1, got 5.0"), bad.err());
  }
}
