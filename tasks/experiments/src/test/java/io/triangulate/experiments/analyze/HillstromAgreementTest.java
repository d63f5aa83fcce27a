package io.triangulate.experiments.analyze;

import static io.triangulate.experiments.analyze.AnalyzeCovariateAndChecksTest.readCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvReader;
import io.triangulate.experiments.ExperimentCommand;
import io.triangulate.experiments.testing.CommandRun;
import io.triangulate.experiments.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 9: on MineThatData's Hillstrom e-mail test, {@code experiment analyze} agrees with
 * standard two-sample tests computed here independently from the raw file, to 1e-6 (relative):
 *
 * <ul>
 *   <li>visit (0/1): Wald interval and pooled two-proportion z-test written out from the counts;
 *   <li>spend (numeric): the Welch statistic t from Commons Math {@code TTest.t} (unequal variances),
 *       SE = difference / t, p = 2Φ(−|t|) = erfc(|t|/√2) (the normal, not Student, tail: the command's
 *       documented two-sample z-test; at 42,000 units the t tail differs in the 5th digit);
 *   <li>CUPED on spend with {@code history} as covariate: the treatment coefficient and x-slope of
 *       Commons Math OLS {@code spend ~ 1 + treated + history} on the two arms' units (it equals the
 *       CUPED estimate with the pooled within-arm θ the command uses), and the SE from {@code TTest.t}
 *       on the adjusted values spend − θ·history (Welch-type, as the command);
 *   <li>sample ratio of the three arms against equal thirds: Commons Math {@code ChiSquareTest}.
 * </ul>
 *
 * Figures (from {@code experiment analyze}, agreeing with the references above):
 *   arms 21,306 No E-Mail / 21,307 Mens / 21,387 Womens against equal thirds: χ² = 0.2025313, df 2,
 *     p = e^(−χ²/2) = 0.9036930 (no mismatch).
 *   visit, Mens: +7.659 pp [+6.995, +8.323], +72.1%, p 5.685e-112; Womens: +4.523 pp [+3.889, +5.157],
 *     +42.6%, p 3.182e-44.
 *   spend, Mens: +0.76983 [0.48515, 1.05451], +117.9%, p 1.157e-7; CUPED on history: θ = 0.0012172,
 *     +0.76745 [0.48283, 1.05207], p 1.258e-7, variance reduction 0.043%. Womens: +0.42441 [0.16896,
 *     0.67986], p 0.001128; CUPED θ = 0.0010319, +0.42271 [0.16731, 0.67810], p 0.001179, variance
 *     reduction 0.038%. (Past spend barely predicts the two-week spend: CUPED is exact here but buys
 *     almost nothing, which is itself the honest answer.)
 */
class HillstromAgreementTest {

  private static final double Z95 = 1.959963984540054;

  @TempDir Path dir;

  private static Path hillstrom;
  private static Map<String, Arm> arms;

  /** One arm's units: visit, spend, history. */
  private record Arm(double[] visit, double[] spend, double[] history) {}

  @BeforeAll
  static void load() throws IOException {
    Progress.setQuiet(true);
    hillstrom = SharedDatasets.find("hillstrom.csv").orElse(null);
    if (hillstrom == null) {
      return;
    }
    Map<String, List<double[]>> rows = new HashMap<>();
    try (CsvReader csv = new CsvReader(Files.newBufferedReader(hillstrom))) {
      List<String> header = csv.next().fields();
      int segment = header.indexOf("segment");
      int visit = header.indexOf("visit");
      int spend = header.indexOf("spend");
      int history = header.indexOf("history");
      for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
        List<String> f = r.fields();
        rows.computeIfAbsent(f.get(segment), k -> new ArrayList<>())
            .add(new double[] {Double.parseDouble(f.get(visit)), Double.parseDouble(f.get(spend)),
                Double.parseDouble(f.get(history))});
      }
    }
    arms = new HashMap<>();
    rows.forEach(
        (name, list) -> {
          double[][] cols = new double[3][list.size()];
          for (int i = 0; i < list.size(); i++) {
            for (int c = 0; c < 3; c++) {
              cols[c][i] = list.get(i)[c];
            }
          }
          arms.put(name, new Arm(cols[0], cols[1], cols[2]));
        });
  }

  private List<List<String>> analyze(String outcome, String... extra) throws IOException {
    Assumptions.assumeTrue(hillstrom != null, "shared/datasets/hillstrom.csv not found beside the repository");
    Path out = dir.resolve(outcome + ".csv");
    List<String> args =
        new ArrayList<>(
            List.of(
                "analyze", "--data", hillstrom.toString(), "--arm-col", "segment", "--control", "No E-Mail", "--outcome",
                outcome, "--out", out.toString()));
    args.addAll(List.of(extra));
    CommandRun run = CommandRun.of(new ExperimentCommand(), args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return readCsv(out);
  }

  private static void close(double reference, String actual, String what) {
    double value = Double.parseDouble(actual);
    assertEquals(reference, value, 1e-6 * Math.abs(reference) + 1e-15, what);
  }

  @Test
  void visitAgreesWithTheTwoProportionZTest() throws IOException {
    List<List<String>> rows = analyze("visit");
    Arm control = arms.get("No E-Mail");
    for (List<String> row : rows.subList(1, rows.size())) {
      Arm treated = arms.get(row.get(0));
      double nt = treated.visit.length, nc = control.visit.length;
      double xt = sum(treated.visit), xc = sum(control.visit);
      double pt = xt / nt, pc = xc / nc;
      double se = Math.sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
      double pooled = (xt + xc) / (nt + nc);
      double z = (pt - pc) / Math.sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc));
      String arm = row.get(0);
      close(pt - pc, row.get(5), arm + " abs");
      close(pt - pc - Z95 * se, row.get(6), arm + " low");
      close(pt - pc + Z95 * se, row.get(7), arm + " high");
      close(pt / pc - 1, row.get(8), arm + " rel");
      close(Erf.erfc(Math.abs(z) / Math.sqrt(2)), row.get(9), arm + " p");
    }
  }

  @Test
  void spendAgreesWithWelchAndCupedWithOls() throws IOException {
    List<List<String>> rows = analyze("spend", "--covariate", "history");
    Arm control = arms.get("No E-Mail");
    TTest tTest = new TTest();
    for (List<String> row : rows.subList(1, rows.size())) {
      String arm = row.get(0);
      Arm treated = arms.get(arm);
      double difference = mean(treated.spend) - mean(control.spend);
      double t = tTest.t(treated.spend, control.spend);
      double se = difference / t;
      close(difference, row.get(5), arm + " abs");
      close(difference - Z95 * se, row.get(6), arm + " low");
      close(difference + Z95 * se, row.get(7), arm + " high");
      close(mean(treated.spend) / mean(control.spend) - 1, row.get(8), arm + " rel");
      close(Erf.erfc(Math.abs(t) / Math.sqrt(2)), row.get(9), arm + " p");

      // OLS spend ~ 1 + treated + history over the two arms' units.
      int n = treated.spend.length + control.spend.length;
      double[] y = new double[n];
      double[][] x = new double[n][];
      for (int i = 0; i < n; i++) {
        boolean isTreated = i < treated.spend.length;
        int j = isTreated ? i : i - treated.spend.length;
        y[i] = isTreated ? treated.spend[j] : control.spend[j];
        x[i] = new double[] {isTreated ? 1 : 0, isTreated ? treated.history[j] : control.history[j]};
      }
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.newSampleData(y, x);
      double[] beta = ols.estimateRegressionParameters();
      double theta = beta[2];
      double cuped = beta[1];
      double tAdjusted = tTest.t(adjusted(treated, theta), adjusted(control, theta));
      double seAdjusted = cuped / tAdjusted;
      close(cuped, row.get(10), arm + " CUPED");
      close(cuped - Z95 * seAdjusted, row.get(11), arm + " CUPED low");
      close(cuped + Z95 * seAdjusted, row.get(12), arm + " CUPED high");
      close(cuped / mean(control.spend), row.get(13), arm + " CUPED rel");
      close(Erf.erfc(Math.abs(tAdjusted) / Math.sqrt(2)), row.get(14), arm + " CUPED p");
      close(theta, row.get(15), arm + " theta");
      close(1 - (seAdjusted * seAdjusted) / (se * se), row.get(16), arm + " variance reduction");
    }
  }

  @Test
  void sampleRatioOfTheThreeArmsAgreesWithChiSquareTest() throws IOException {
    List<List<String>> rows = analyze("visit");
    long[] observed = {
      arms.get("Mens E-Mail").visit.length, arms.get("No E-Mail").visit.length, arms.get("Womens E-Mail").visit.length
    };
    assertEquals(21_307 + 21_306 + 21_387, observed[0] + observed[1] + observed[2]);
    double[] expected = {1, 1, 1};
    ChiSquareTest chi = new ChiSquareTest();
    double statistic = chi.chiSquare(expected, observed);
    double p = chi.chiSquareTest(expected, observed);
    for (List<String> row : rows.subList(1, rows.size())) {
      close(statistic, row.get(14), "chi-square");
      assertEquals("2", row.get(15));
      close(p, row.get(16), "srm p");
    }
    assertTrue(p > 0.001, "Hillstrom was randomised as planned: p " + p);
  }

  private static double[] adjusted(Arm arm, double theta) {
    double[] a = new double[arm.spend.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = arm.spend[i] - theta * arm.history[i];
    }
    return a;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  private static double mean(double[] v) {
    return sum(v) / v.length;
  }
}
