package io.triangulate.experiments.analyze;

import static io.triangulate.experiments.analyze.AnalyzeCommandTest.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvReader;
import io.triangulate.experiments.ExperimentCommand;
import io.triangulate.experiments.testing.CommandRun;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment analyze} with --covariate (CUPED) and --planned-shares, and their bad inputs. */
class AnalyzeCovariateAndChecksTest {

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  /** The CupedTest example: treated (y, x) (3,1) (5,2) (4,2) (8,4); control (2,1) (1,0) (4,3) (3,1) (5,3). */
  private Path cupedFile() throws IOException {
    Path data = dir.resolve("pre.csv");
    Files.writeString(data, "arm,y,pre\nt,3,1\nt,5,2\nt,4,2\nt,8,4\nc,2,1\nc,1,0\nc,4,3\nc,3,1\nc,5,3\n");
    return data;
  }

  /*
   * Hand-computed in CupedTest: θ = 1.3389121339, adjusted 1.1297071130, SE 0.4065616694 (CI ± 1.959963985·SE),
   * relative 1.1297071130/3, p 0.0054579300, variance reduction 0.9008245654. The unadjusted columns stay
   * the Welch-type comparison (difference 2).
   */
  @Test
  void covariateAddsCupedColumns() throws IOException {
    Path out = dir.resolve("cuped.csv");
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", cupedFile().toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--covariate", "pre", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<List<String>> rows = readCsv(out);
    assertEquals(LiftCsvFile.header(false, true), rows.get(0));
    assertEquals("cuped_abs_lift", rows.get(0).get(10));
    List<String> t = rows.get(1);
    assertEquals(2.0, Double.parseDouble(t.get(5)), 1e-12);
    double se = 0.4065616693765249;
    assertNumbers(
        t.subList(10, 17), 1.1297071130, 1.1297071130 - 1.959963984540054 * se, 1.1297071130 + 1.959963984540054 * se,
        1.1297071130 / 3, 0.0054579300, 1.3389121339, 0.9008245654);
    // One row: the family adjustments leave the (CUPED) p-value as it is.
    assertNumbers(t.subList(17, 19), 0.0054579300, 0.0054579300);
    assertTrue(run.out().contains("var_red") && run.out().contains("90.1%"), run.out());
  }

  @Test
  void covariateProblemsNameTheColumnAndRule() throws IOException {
    Path data = cupedFile();
    CommandRun missing =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--covariate", "history");
    assertEquals(
        "error: " + data + ":1: no column \"history\" (from --covariate); the header has: arm, y, pre",
        missing.err().strip());

    Path constant = dir.resolve("constant.csv");
    Files.writeString(constant, "arm,y,pre\nt,3,2\nt,5,2\nc,2,2\nc,1,2\n");
    CommandRun flat =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", constant.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--covariate", "pre");
    assertEquals(
        "error: " + constant + ": covariate column \"pre\" (from --covariate) is constant (every row holds 2.0): a"
            + " covariate with zero variance cannot adjust anything; choose a pre-period column that varies between"
            + " units",
        flat.err().strip());

    Path text = dir.resolve("text.csv");
    Files.writeString(text, "arm,y,pre\nt,3,1\nt,5,n/a\nc,2,2\n");
    CommandRun nonNumeric =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", text.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--covariate", "pre");
    assertEquals(
        "error: " + text + ":3:3: covariate column \"pre\" must hold numbers, found \"n/a\"", nonNumeric.err().strip());
  }

  /*
   * 4 treated, 5 control units against planned 0.2/0.8: expected 1.8 and 7.2, χ² = 2.2²/1.8 + 2.2²/7.2
   * = 2.6888889 + 0.6722222 = 3.3611111, df 1, p = 0.0667530152 (Python: erfc(√(χ²/2))).
   */
  @Test
  void plannedSharesDriveTheSampleRatioCheck() throws IOException {
    Path out = dir.resolve("srm.csv");
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", cupedFile().toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--planned-shares", "t=0.2, c=0.8", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> t = readCsv(out).get(1);
    assertEquals(3.3611111111, Double.parseDouble(t.get(14)), 1e-9);
    assertEquals("1", t.get(15));
    assertEquals(0.0667530152, Double.parseDouble(t.get(16)), 1e-9);
    assertTrue(run.out().contains("sample ratio vs planned shares: chi-square 3.3611, df 1, p 0.0668"), run.out());
  }

  @Test
  void plannedSharesMustCoverTheArmsAndAddUp() throws IOException {
    Path data = cupedFile();
    CommandRun absent =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--planned-shares", "t=0.3,c=0.3,x=0.4");
    assertEquals(
        "error: " + data + ": arm(s) \"x\" from --planned-shares have zero units in the arm column; every planned arm"
            + " needs units (values found: \"c\", \"t\")",
        absent.err().strip());
    CommandRun unplanned =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--planned-shares", "c=0.5,x=0.5");
    assertTrue(unplanned.err().contains("arm value(s) \"t\" have no planned share in --planned-shares"), unplanned.err());
    CommandRun sum =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "y", "--planned-shares", "t=0.3,c=0.3");
    assertEquals(2, sum.exitCode());
    assertTrue(sum.err().contains("--planned-shares must add up to 1 (within 0.001), got 0.6"), sum.err());
  }

  static List<List<String>> readCsv(Path file) throws IOException {
    CsvReader csv = new CsvReader(new StringReader(Files.readString(file)));
    List<List<String>> rows = new ArrayList<>();
    for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
      rows.add(r.fields());
    }
    return rows;
  }
}
