package io.triangulate.experiments.analyze;

import static io.triangulate.experiments.analyze.AnalyzeCovariateAndChecksTest.readCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.experiments.ExperimentCommand;
import io.triangulate.experiments.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignCommandTest {

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  /*
   * 10% → 12% with a 10% holdout (ExperimentDesignTest): 19,668 treated, 2,186 control, 21,854 units;
   * at 5,000 a day ⌈4.37⌉ = 5 days.
   */
  @Test
  void designFromOptions() throws IOException {
    Path out = dir.resolve("design.csv");
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "design", "--baseline-rate", "0.10", "--mde", "0.02", "--holdout-share", "0.1",
            "--daily-units", "5000", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<List<String>> rows = readCsv(out);
    assertEquals(DesignCommand.COLUMNS, rows.get(0));
    assertEquals(
        List.of("rate", "0.1", Double.toString(Math.sqrt(0.1 * 0.9)), "0.05", "0.8", "0.1", "19668", "2186", "21854", "0.02", "0.19999999999999998", "5"),
        rows.get(1));
    assertTrue(run.out().contains("treated units  19,668"), run.out());
    assertTrue(run.out().contains("days           5"), run.out());
  }

  /*
   * Baseline from the control arm of a file: control spend {0, 1, 1, 2, 6} → mean 2, sd √5.5 = 2.3452079.
   * --mde-relative 0.5 → δ = 1, equal arms: n = 2·7.848880·5.5/1 = 86.34 → 87 per arm.
   * With --units 1000 instead: MDE = 2.801585·√5.5·√(2/500) = 0.4155422411.
   */
  @Test
  void designFromAUsersFile() throws IOException {
    Path data = dir.resolve("spend.csv");
    Files.writeString(data, "arm,spend\nt,0\nt,2\nt,3.0\nt,7\nc,0\nc,1\nc,1\nc,2\nc,6\n");
    Path out = dir.resolve("d.csv");
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "design", "--data", data.toString(), "--outcome", "spend", "--arm-col", "arm",
            "--control", "c", "--mde-relative", "0.5", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> row = readCsv(out).get(1);
    assertEquals("mean", row.get(0));
    assertEquals(2.0, Double.parseDouble(row.get(1)), 1e-12);
    assertEquals(Math.sqrt(5.5), Double.parseDouble(row.get(2)), 1e-12);
    assertEquals(List.of("87", "87", "174"), row.subList(6, 9));
    assertEquals("", row.get(11), "no --daily-units: no duration");

    run =
        CommandRun.of(
            new ExperimentCommand(), "design", "--data", data.toString(), "--outcome", "spend", "--arm-col", "arm",
            "--control", "c", "--units", "1000", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0.4155422411, Double.parseDouble(readCsv(out).get(1).get(9)), 1e-9);
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheOption() throws IOException {
    CommandRun both = CommandRun.of(new ExperimentCommand(), "design", "--baseline-rate", "0.1", "--mde", "0.02", "--mde-relative", "0.1");
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("give exactly one of --mde, --mde-relative or --units"), both.err());

    CommandRun none = CommandRun.of(new ExperimentCommand(), "design", "--mde", "0.02");
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("give exactly one baseline"), none.err());

    CommandRun impossible = CommandRun.of(new ExperimentCommand(), "design", "--baseline-rate", "0.95", "--mde", "0.1");
    assertEquals(2, impossible.exitCode());
    assertTrue(impossible.err().contains("cannot design this test: baseline rate + lift must be strictly between 0 and 1"),
        impossible.err());

    Path constant = dir.resolve("constant.csv");
    Files.writeString(constant, "arm,spend\nc,3\nc,3\n");
    CommandRun flat = CommandRun.of(new ExperimentCommand(), "design", "--data", constant.toString(), "--outcome", "spend", "--mde", "1");
    assertEquals(
        "error: " + constant + ": outcome column \"spend\" has zero variance (or fewer than 2 units) in the baseline"
            + " units: the standard deviation a test of means needs is undefined",
        flat.err().strip());
  }
}
