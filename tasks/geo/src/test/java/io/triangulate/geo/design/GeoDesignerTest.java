package io.triangulate.geo.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.geo.GeoCommand;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoPanel;
import io.triangulate.geo.stats.GeoPanelGenerator;
import io.triangulate.geo.testing.CommandRun;
import io.triangulate.geo.testing.PanelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoDesignerTest {

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  @Test
  void ranksCandidatesByMdeWithPowerFromPlaceboWindows() {
    GeoPanel history = GeoPanelGenerator.history(20, 120, 0.05, 9);
    GeoDesigner.Options options =
        new GeoDesigner.Options(List.of(14, 28), 0.05, 2, 4, 6, 0.9, GeoMethod.SC, Double.NaN, 2.0, 1);
    List<GeoDesigner.Candidate> ranked = GeoDesigner.design(history, options);
    assertEquals(8, ranked.size()); // 4 candidates × 2 durations
    for (int r = 0; r < ranked.size(); r++) {
      GeoDesigner.Candidate c = ranked.get(r);
      assertEquals(r + 1, c.rank());
      assertEquals(2, c.treated().size());
      assertEquals(6, c.windows());
      assertTrue(c.power() >= 0 && c.power() <= 1);
      if (!Double.isNaN(c.mde())) {
        assertEquals(c.mde() * c.baseline(), c.mdeIncremental(), 1e-9 * c.baseline());
        assertEquals(c.mdeIncremental() / 2.0, c.mdeCost(), 1e-9 * c.baseline());
      }
      if (r > 0 && !Double.isNaN(c.mde())) {
        assertTrue(c.mde() >= ranked.get(r - 1).mde(), "sorted by MDE");
      }
    }
    // A 5%-noise market pair with a good synthetic control detects a +30% lift in every window.
    GeoDesigner.Candidate best = ranked.get(0);
    assertTrue(best.mde() <= 0.30, best.toString());
    assertTrue(best.fitError() < 0.1, best.toString());
  }

  @Test
  void longerTestsNeedNoLargerLift() {
    GeoPanel history = GeoPanelGenerator.history(20, 120, 0.05, 10);
    List<GeoDesigner.Candidate> ranked = GeoDesigner.design(history,
        new GeoDesigner.Options(List.of(7, 35), 0.05, 1, 3, 6, 0.9, GeoMethod.SC, Double.NaN, Double.NaN, 1));
    double worst7 = ranked.stream().filter(c -> c.duration() == 7).mapToDouble(c -> Double.isNaN(c.mde()) ? 1 : c.mde()).average().orElseThrow();
    double worst35 = ranked.stream().filter(c -> c.duration() == 35).mapToDouble(c -> Double.isNaN(c.mde()) ? 1 : c.mde()).average().orElseThrow();
    assertTrue(worst35 <= worst7, "mean MDE 35 days " + worst35 + " vs 7 days " + worst7);
  }

  @Test
  void commandPrintsAndWritesTheTable() throws Exception {
    Path file = PanelFiles.write(dir.resolve("history.csv"), GeoPanelGenerator.history(15, 100, 0.05, 11));
    Path out = dir.resolve("design.csv");
    CommandRun run = CommandRun.of(new GeoCommand(), "design", "--data", file.toString(), "--location-col", "market",
        "--date-col", "date", "--outcome", "revenue", "--duration-days", "21", "--treated-count", "2", "--candidates", "3",
        "--windows", "4", "--iroas", "2", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("rank  treated"), run.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals("rank,treated,share,fit_error,duration,windows,lift,power,mde,baseline,mde_incremental,mde_cost", lines.get(0));
    assertEquals(4, lines.size());
    CommandRun bad = CommandRun.of(new GeoCommand(), "design", "--data", file.toString(), "--location-col", "market",
        "--date-col", "date", "--outcome", "revenue", "--lift", "-1");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--lift must be positive"), bad.err());
  }
}
