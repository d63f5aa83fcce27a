package io.triangulate.experiments.analyze;

import static io.triangulate.experiments.analyze.AnalyzeCommandTest.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvReader;
import io.triangulate.experiments.ExperimentCommand;
import io.triangulate.experiments.testing.CommandRun;
import io.triangulate.experiments.testing.SharedDatasets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MineThatData's Hillstrom e-mail experiment (64,000 customers, randomised into Mens E-Mail, Womens
 * E-Mail and No E-Mail) through the command's full path: CSV reader, aggregation, statistics, output.
 * Skips when the shared data sets are not beside the repository.
 */
class HillstromAnalyzeTest {

  @TempDir Path dir;

  private static Path hillstrom;

  @BeforeAll
  static void locate() {
    Progress.setQuiet(true);
    hillstrom = SharedDatasets.find("hillstrom.csv").orElse(null);
  }

  private List<List<String>> analyze(String outcome) throws IOException {
    Assumptions.assumeTrue(hillstrom != null, "shared/datasets/hillstrom.csv not found beside the repository");
    Path out = dir.resolve(outcome + ".csv");
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", hillstrom.toString(), "--arm-col", "segment", "--control",
            "No E-Mail", "--outcome", outcome, "--control-share", "0.5", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    CsvReader csv = new CsvReader(new StringReader(Files.readString(out)));
    List<List<String>> rows = new ArrayList<>();
    for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
      rows.add(r.fields());
    }
    return rows;
  }

  /*
   * Published visit rates: Mens 18.28%, Womens 15.14%, No E-Mail 10.62% (to rounding, ±0.00005).
   * Counts read from the file: Mens 3,894 / 21,307 visits, Womens 3,238 / 21,387, control 2,262 / 21,306.
   * Mens: lift 0.1827568405 − 0.1061672768 = 0.0765895637,
   *   Wald SE √(p_t q_t/21307 + p_c q_c/21306) = 0.0033858084, CI ±0.0066360624,
   *   pooled 6156/42613 = 0.1444629573, SE₀ = 0.0034060938, z = 22.486, p = 2Φ(−22.486) = 5.685e-112,
   *   rel 0.7214046168.
   * Womens: lift 0.0452331066, SE 0.0032343864, CI ±0.0063392608, pooled z 13.949, p 3.182e-44,
   *   rel 0.4260550703.
   * (Computed independently in Python from the raw file; p via erfc(|z|/√2).)
   */
  @Test
  void visitLiftMatchesPublishedRates() throws IOException {
    List<List<String>> rows = analyze("visit");

    assertEquals(3, rows.size(), "header + two treatment arms");
    List<String> mens = rows.get(1);
    List<String> womens = rows.get(2);
    assertEquals(List.of("Mens E-Mail", "21307", "21306"), mens.subList(0, 3));
    assertEquals(List.of("Womens E-Mail", "21387", "21306"), womens.subList(0, 3));

    assertEquals(0.1828, Double.parseDouble(mens.get(3)), 0.00005);
    assertEquals(0.1514, Double.parseDouble(womens.get(3)), 0.00005);
    assertEquals(0.1062, Double.parseDouble(mens.get(4)), 0.00005);

    assertNumbers(
        mens.subList(3, 9), 0.18275684047496127, 0.10616727682343002, 0.07658956365153125, 0.06995350121810838,
        0.08322562608495411, 0.721404616781399);
    assertNumbers(
        womens.subList(3, 9), 0.151400383410483, 0.10616727682343002, 0.045233106587052985, 0.03889382581264261,
        0.05157238736146336, 0.42605507026691014);
    assertEquals(5.6851654828026455e-112, Double.parseDouble(mens.get(9)), 1e-9 * 5.685e-112);
    assertEquals(3.182403159334924e-44, Double.parseDouble(womens.get(9)), 1e-9 * 3.182e-44);
  }

  /*
   * Spend (dollars per customer) is not 0/1, so the arms are compared by means:
   * Mens 30,311.69 / 21,307 = 1.4226165, control 13,908.33 / 21,306 = 0.6527894, difference 0.7698272,
   * Welch-type 95% CI [0.4851491, 1.0545052], p 1.157e-7. Womens: difference 0.4244122,
   * CI [0.1689645, 0.6798599], p 0.0011285.
   */
  @Test
  void spendLiftComparesMeans() throws IOException {
    List<List<String>> rows = analyze("spend");
    assertNumbers(
        rows.get(1).subList(3, 8), 1.4226165110057738, 0.6527893551112363, 0.7698271558945375, 0.4851491289287844,
        1.0545051828602907);
    assertEquals(1.1571368874196963e-07, Double.parseDouble(rows.get(1).get(9)), 1e-15);
    assertNumbers(
        rows.get(2).subList(5, 8), 0.42441221593659684, 0.16896450721722817, 0.6798599246559656);
    assertEquals(0.0011284596637324285, Double.parseDouble(rows.get(2).get(9)), 1e-12);
    assertTrue(rows.get(1).get(0).equals("Mens E-Mail"));
  }
}
