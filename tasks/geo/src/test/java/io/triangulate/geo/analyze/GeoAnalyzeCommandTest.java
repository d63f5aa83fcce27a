package io.triangulate.geo.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.geo.GeoCommand;
import io.triangulate.geo.stats.GeoPanelGenerator;
import io.triangulate.geo.testing.CommandRun;
import io.triangulate.geo.testing.PanelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoAnalyzeCommandTest {

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  private GeoPanelGenerator.SimulatedTest simulated() {
    return GeoPanelGenerator.simulate(GeoPanelGenerator.World.standard(), 42);
  }

  private CommandRun analyze(Path file, String... extra) {
    String[] base = {"analyze", "--data", file.toString(), "--location-col", "market", "--date-col", "date", "--outcome", "revenue"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CommandRun.of(new GeoCommand(), args);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void analysesASimulatedTestAndWritesCsvAndSvg() throws IOException {
    GeoPanelGenerator.SimulatedTest sim = simulated();
    Path file = PanelFiles.write(dir.resolve("panel.csv"), sim.panel());
    Path out = dir.resolve("lift.csv");
    Path svg = dir.resolve("lift.svg");
    long started = System.nanoTime();
    CommandRun run = analyze(file, "--treated", String.join(",", sim.test().treated()),
        "--test-start", sim.test().testStart().toString(), "--incremental-spend", "20000",
        "--out", out.toString(), "--svg", svg.toString());
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("incremental revenue (total)"), run.out());
    assertTrue(run.out().contains("iROAS"), run.out());
    assertTrue(run.out().contains("Pre-period fit: RMSE"), run.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals("date,period,treated,synthetic,effect,effect_low,effect_high,cumulative_effect,cumulative_low,cumulative_high",
        lines.get(0));
    assertEquals(1 + 91, lines.size());
    assertTrue(lines.get(1).contains(",pre,") && lines.get(91).contains(",test,"));
    String chart = Files.readString(svg);
    assertTrue(chart.startsWith("<svg") && chart.endsWith("</svg>"));
    // 30 markets × 91 days, reading included: well under a second once warm, a few on a cold JVM.
    assertTrue(seconds < 5, "took " + seconds + " s");
  }

  @Test
  void missingColumnNamesTheOptionAndHeader() throws IOException {
    Path file = write("p.csv", "market,date,sales\na,2025-01-01,1\n");
    CommandRun run = analyze(file, "--treated", "a", "--test-start", "2025-01-01");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(file + ":1: no column \"revenue\" (from --outcome); the header has: market, date, sales"), run.err());
  }

  @Test
  void nonNumericValueNamesFileLineAndColumn() throws IOException {
    Path file = write("p.csv", "market,date,revenue\na,2025-01-01,1\nb,2025-01-01,n/a\n");
    CommandRun run = analyze(file, "--treated", "a", "--test-start", "2025-01-01");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(file + ":3:3: column \"revenue\" must hold numbers, found \"n/a\""), run.err());
  }

  @Test
  void duplicateRowPointsAtBothLines() throws IOException {
    Path file = write("p.csv", "market,date,revenue\na,2025-01-01,1\nb,2025-01-01,2\na,2025-01-01,3\n");
    CommandRun run = analyze(file, "--treated", "a", "--test-start", "2025-01-01");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(file + ":4: duplicate row for location \"a\" on 2025-01-01 (first at line 2)"), run.err());
  }

  @Test
  void missingDateForALocationIsNamed() throws IOException {
    Path file = write("p.csv", "market,date,revenue\na,2025-01-01,1\na,2025-01-02,1\nb,2025-01-01,2\n");
    CommandRun run = analyze(file, "--treated", "a", "--test-start", "2025-01-02");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("location \"b\" has no row for 2025-01-02"), run.err());
  }

  @Test
  void unknownTreatedLocationAndTestStartOutsideData() throws IOException {
    GeoPanelGenerator.SimulatedTest sim = simulated();
    Path file = PanelFiles.write(dir.resolve("panel.csv"), sim.panel());
    CommandRun unknown = analyze(file, "--treated", "m01,zz", "--test-start", sim.test().testStart().toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("treated location \"zz\" is not in the data"), unknown.err());
    CommandRun late = analyze(file, "--treated", "m01", "--test-start", "2030-01-01");
    assertEquals(1, late.exitCode());
    assertTrue(late.err().contains("test start 2030-01-01 is outside the data"), late.err());
  }

  @Test
  void badOptionsExitTwoNamingTheOption() throws IOException {
    Path file = write("p.csv", "market,date,revenue\na,2025-01-01,1\n");
    CommandRun method = analyze(file, "--treated", "a", "--test-start", "2025-01-01", "--method", "did");
    assertEquals(2, method.exitCode());
    assertTrue(method.err().contains("--method must be one of [sc, augsc], got did"), method.err());
    CommandRun date = analyze(file, "--treated", "a", "--test-start", "01/02/2025");
    assertEquals(2, date.exitCode());
    assertTrue(date.err().contains("--test-start must be a date YYYY-MM-DD"), date.err());
    CommandRun both = analyze(file, "--treated", "a", "--test-start", "2025-01-01", "--spend-col", "s", "--incremental-spend", "5");
    assertEquals(2, both.exitCode());
  }
}
