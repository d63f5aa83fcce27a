package io.triangulate.experiments.analyze;

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

class AnalyzeCommandTest {

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  /** Units as CSV lines {@code id,group,region,bought}; arm values with commas get quoted. */
  private Path unitFile(String name, List<String> dataLines) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("id,group,region,bought");
    lines.addAll(dataLines);
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static void addUnits(List<String> lines, String arm, String region, int units, int converted) {
    for (int i = 0; i < units; i++) {
      lines.add(lines.size() + "," + arm + "," + region + "," + (i < converted ? "1" : "0"));
    }
  }

  private static List<List<String>> readCsv(Path file) throws IOException {
    CsvReader csv = new CsvReader(new StringReader(Files.readString(file)));
    List<List<String>> rows = new ArrayList<>();
    for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
      rows.add(r.fields());
    }
    return rows;
  }

  /*
   * ctrl: 2 of 10 convert; a: 5 of 10; "b, quoted": 1 of 5.
   * a vs ctrl: p 0.5 vs 0.2, lift 0.3, Wald SE √(0.25/10 + 0.16/10) = √0.041 = 0.2024845673,
   *   CI 0.3 ± 1.959963985·0.2024845673 = [−0.0968624594, 0.6968624594];
   *   pooled 7/20 = 0.35, SE₀ = √(0.35·0.65·0.2) = 0.2133072901, z = 1.4064216928, p = 0.1595989424;
   *   rel 0.5/0.2 − 1 = 1.5.
   * b vs ctrl: p 0.2 vs 0.2, lift 0, SE = √(0.16/5 + 0.16/10) = 0.2190890230, CI ±0.4294065945, z 0, p 1.
   */
  @Test
  void binaryOutcomeWritesOneRowPerTreatmentArm() throws IOException {
    List<String> lines = new ArrayList<>();
    addUnits(lines, "ctrl", "north", 10, 2);
    addUnits(lines, "a", "north", 10, 5);
    addUnits(lines, "\"b, quoted\"", "north", 5, 1);
    Path data = unitFile("units.csv", lines);
    Path out = dir.resolve("lift.csv");

    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "group", "--control", "ctrl",
            "--outcome", "bought", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<List<String>> rows = readCsv(out);
    assertEquals(
        List.of("arm", "n", "control_n", "rate", "control_rate", "abs_lift", "abs_lift_ci_low", "abs_lift_ci_high",
            "rel_lift", "p_value", "p_bh", "p_holm", "chance_to_beat", "expected_loss", "srm_chi_square", "srm_df",
            "srm_p"),
        rows.get(0));
    assertEquals(3, rows.size());
    List<String> a = rows.get(1);
    assertEquals(List.of("a", "10", "10"), a.subList(0, 3));
    assertNumbers(a.subList(3, 10), 0.5, 0.2, 0.3, -0.0968624593589813, 0.6968624593589813, 1.5, 0.15959894244264883);
    List<String> b = rows.get(2);
    assertEquals(List.of("b, quoted", "5", "10"), b.subList(0, 3));
    assertNumbers(b.subList(3, 10), 0.2, 0.2, 0.0, -0.42940659449211765, 0.42940659449211765, 0.0, 1.0);
    /*
     * Family of the two p-values (0.1595989424, 1): BH min(2·0.1596/1, 1) = 0.3191978849 and 1; Holm the
     * same here. Bayesian, uniform prior: a ~ Beta(6, 6) vs ctrl ~ Beta(3, 9), Evan Miller's sum gives
     * P(beat) = 0.9086687307, expected loss (Python) 0.0082615426. Sample ratio of 10/5/10 units against
     * equal thirds: χ² = (1.667² + 3.333² + 1.667²)/8.333 = 2, df 2, p = e^−1 = 0.3678794412.
     */
    assertNumbers(
        a.subList(10, 17), 2 * 0.15959894244264883, 2 * 0.15959894244264883, 0.9086687307, 0.0082615426, 2.0, 2.0,
        Math.exp(-1));
    assertNumbers(b.subList(10, 12), 1.0, 1.0);
    assertTrue(run.out().contains("sample ratio vs equal shares: chi-square 2.0000, df 2, p 0.3679"), run.out());

    assertTrue(run.out().contains("bought (binary: rates) versus control \"ctrl\", 25 units"), run.out());
    assertTrue(run.out().contains("+30.00 pp"), run.out());
    assertTrue(run.out().contains("[-9.69 pp, +69.69 pp]"), run.out());
  }

  /*
   * north: ctrl 1/4, a 2/4 → lift 0.25, SE √(0.25·0.75/4 + 0.5·0.5/4) = √0.109375 = 0.3307189139,
   *   pooled 3/8, SE₀ = √(0.375·0.625·0.5) = 0.3423265984, z 0.7302967433, p 0.4652088184.
   * south: ctrl 1/6, a 3/6 → lift 1/3, pooled 4/12.
   * west: only arm a (1/2): no control units, so every estimate is empty.
   */
  @Test
  void segmentColumnSplitsRowsSortedBySegmentThenArm() throws IOException {
    List<String> lines = new ArrayList<>();
    addUnits(lines, "ctrl", "south", 6, 1);
    addUnits(lines, "a", "west", 2, 1);
    addUnits(lines, "a", "south", 6, 3);
    addUnits(lines, "ctrl", "north", 4, 1);
    addUnits(lines, "a", "north", 4, 2);
    Path out = dir.resolve("by_region.csv");

    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", unitFile("regions.csv", lines).toString(), "--arm-col",
            "group", "--control", "ctrl", "--outcome", "bought", "--segment-col", "region", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<List<String>> rows = readCsv(out);
    assertEquals("segment", rows.get(0).get(0));
    assertEquals(
        List.of("north", "south", "west"), List.of(rows.get(1).get(0), rows.get(2).get(0), rows.get(3).get(0)));
    assertNumbers(
        rows.get(1).subList(4, 11), 0.5, 0.25, 0.25, 0.25 - 1.959963984540054 * 0.3307189138830738,
        0.25 + 1.959963984540054 * 0.3307189138830738, 1.0, 0.4652088184521418);
    assertEquals(1.0 / 3, Double.parseDouble(rows.get(2).get(6)), 1e-12);
    // West has no control: the comparison is empty, but the sample-ratio check (2 vs 0 units against
    // equal halves: χ² = 1 + 1 = 2, df 1, p = 0.1572992071) is not.
    assertEquals(
        List.of("west", "a", "2", "0", "0.5", "", "", "", "", "", "", "", "", "", "", "2.0", "1", "0.157299207050285"),
        rows.get(3));
    assertTrue(run.out().contains("control arm has no units"), run.out());
  }

  /* Spend per unit, not 0/1: the MeanDifferenceTest example (treated {0,2,3,7}, control {0,1,1,2,6}). */
  @Test
  void numericOutcomeComparesMeans() throws IOException {
    Path data = dir.resolve("spend.csv");
    Files.writeString(
        data, "arm,spend\nt,0\nt,2\nt,3.0\nt,7\nc,0\nc,1\nc,1\nc, 2\nc,6e0\n");
    Path out = dir.resolve("spend_lift.csv");

    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "arm", "--control", "c",
            "--outcome", "spend", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> t = readCsv(out).get(1);
    assertEquals(List.of("t", "4", "5"), t.subList(0, 3));
    assertNumbers(t.subList(3, 10), 3.0, 2.0, 1.0, -2.5424236732686474, 4.542423673268647, 0.5, 0.5800694105200285);
    assertTrue(run.out().contains("spend (numeric: means)"), run.out());
  }

  @Test
  void missingColumnNamesTheFileTheColumnAndTheHeader() throws IOException {
    Path data = unitFile("units.csv", List.of("1,a,north,0"));
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "group", "--control", "a",
            "--outcome", "revenue");
    assertEquals(1, run.exitCode());
    assertEquals(
        "error: " + data + ":1: no column \"revenue\" (from --outcome); the header has: id, group, region, bought",
        run.err().strip());
  }

  /* The quoted region spans lines 3–4, so the bad value sits on line 5, column 4. */
  @Test
  void nonNumericOutcomeNamesFileLineColumnAndValue() throws IOException {
    Path data = unitFile("units.csv", List.of("1,a,north,0", "2,a,\"two\nlines\",1", "3,b,south,yes"));
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "group", "--control", "a",
            "--outcome", "bought");
    assertEquals(1, run.exitCode());
    assertEquals(
        "error: " + data + ":5:4: outcome column \"bought\" must hold numbers, found \"yes\"", run.err().strip());
  }

  @Test
  void absentControlListsTheArmValuesFound() throws IOException {
    Path data = unitFile("units.csv", List.of("1,b,north,0", "2,a,north,1", "3,b,south,1"));
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "group", "--control", "ctrl",
            "--outcome", "bought");
    assertEquals(1, run.exitCode());
    assertEquals(
        "error: " + data + ": control value \"ctrl\" does not occur in the arm column; values found: a, b",
        run.err().strip());
  }

  @Test
  void emptyFileAndHeaderOnlyFile() throws IOException {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", empty.toString(), "--arm-col", "g", "--control", "c",
            "--outcome", "y");
    assertEquals(1, run.exitCode());
    assertEquals(
        "error: " + empty + ": the file is empty; expected a header row naming the columns", run.err().strip());

    Path headerOnly = unitFile("header.csv", List.of());
    run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", headerOnly.toString(), "--arm-col", "group", "--control",
            "c", "--outcome", "bought");
    assertEquals(1, run.exitCode());
    assertEquals("error: " + headerOnly + ": the file has a header but no data rows", run.err().strip());
  }

  @Test
  void raggedRowAndBadQuotingPointAtTheLine() throws IOException {
    Path ragged = unitFile("ragged.csv", List.of("1,a,north,0", "2,a,north"));
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", ragged.toString(), "--arm-col", "group", "--control", "a",
            "--outcome", "bought");
    assertEquals("error: " + ragged + ":3: row has 3 fields but the header has 4", run.err().strip());

    Path badQuote = unitFile("quote.csv", List.of("1,a,\"north,0"));
    run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", badQuote.toString(), "--arm-col", "group", "--control", "a",
            "--outcome", "bought");
    assertEquals("error: " + badQuote + ":2: quoted field never closed (missing \")", run.err().strip());

    Path noArm = unitFile("noarm.csv", List.of("1,a,north,0", "2,,north,1"));
    run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", noArm.toString(), "--arm-col", "group", "--control", "a",
            "--outcome", "bought");
    assertEquals("error: " + noArm + ":3:2: arm column \"group\" is empty; every unit needs an arm", run.err().strip());
  }

  @Test
  void confidenceOutsideTheUnitIntervalIsAUsageError() throws IOException {
    Path data = unitFile("units.csv", List.of("1,a,north,0"));
    CommandRun run =
        CommandRun.of(
            new ExperimentCommand(), "analyze", "--data", data.toString(), "--arm-col", "group", "--control", "a",
            "--outcome", "bought", "--confidence", "95");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--confidence must be strictly between 0 and 1 (e.g. 0.95), got 95.0"), run.err());
  }

  static void assertNumbers(List<String> fields, double... expected) {
    assertEquals(expected.length, fields.size(), fields.toString());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], Double.parseDouble(fields.get(i)), 1e-10, "field " + i + " of " + fields);
    }
  }
}
