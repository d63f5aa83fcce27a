package io.triangulate.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.uplift.synthetic.SyntheticUplift;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code uplift fit} end to end on small CSVs: outputs, and every documented error and warning. */
class UpliftFitCommandTest {

  static {
    Progress.setQuiet(true);
  }

  @TempDir Path dir;

  /** 3,000 synthetic members; arm as "email"/"none", a categorical region and a constant column. */
  private Path csv(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    List<String> lines = new ArrayList<>();
    lines.add("id,x1,x2,x3,region,plan,arm,converted");
    String[] regions = {"north", "south", "east"};
    for (int i = 0; i < 3000; i++) {
      SyntheticUplift.Member m = SyntheticUplift.member(random);
      lines.add(edit.apply(i + "," + m.x()[0] + "," + m.x()[1] + "," + m.x()[2] + "," + regions[i % 3] + ",basic,"
          + (m.t() == 1 ? "email" : "none") + "," + m.y()));
    }
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = new CommandLine(new UpliftFitCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((ex, c, p) -> {
      c.getErr().println("error: " + ex.getMessage());
      return 1;
    });
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String[] args(Path data, String... extra) {
    List<String> a = new ArrayList<>(List.of("--data", data.toString(), "--treatment-col", "arm", "--treatment-value",
        "email", "--outcome", "converted", "--features", "x1,x2,x3,region", "--base", "logistic", "--out",
        dir.resolve("out").toString()));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      int at = a.indexOf(extra[i]);
      if (at >= 0) {
        a.set(at + 1, extra[i + 1]);
      } else {
        a.add(extra[i]);
        a.add(extra[i + 1]);
      }
    }
    if (extra.length % 2 == 1) {
      a.add(extra[extra.length - 1]);
    }
    return a.toArray(String[]::new);
  }

  @Test
  void writesSummaryDecilesAndCurveAndPredictionsOnlyWhenAsked() throws IOException {
    Path data = csv("ok.csv", s -> s);
    Run r = run(args(data, "--learner", "t"));
    assertEquals(0, r.code(), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
    assertTrue(r.out().contains("T-learner on logistic, 2100 training / 900 holdout rows (seed 42)"), r.out());
    assertTrue(r.out().contains("features: x1, x2, x3, region=north, region=south"), r.out()); // east: reference
    Path out = dir.resolve("out");
    assertEquals("decile,percentile,n_treatment,n_control,rate_treatment,rate_control,uplift,std_uplift,mean_predicted",
        Files.readAllLines(out.resolve("deciles.csv")).get(0));
    assertEquals(11, Files.readAllLines(out.resolve("deciles.csv")).size());
    List<String> curve = Files.readAllLines(out.resolve("qini_curve.csv"));
    assertEquals("share,n,qini,random", curve.get(0));
    assertEquals(102, curve.size()); // 0%..100%
    assertEquals("0,0,0,0", curve.get(1));
    assertTrue(Files.readString(out.resolve("summary.csv")).contains("qini_coefficient,"));
    assertFalse(Files.exists(out.resolve("predictions.csv")));

    assertEquals(0, run(args(data, "--predictions")).code());
    List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
    assertEquals("line,split,treatment,outcome,uplift", predictions.get(0));
    assertEquals(3001, predictions.size());
    assertEquals(900, predictions.stream().filter(l -> l.contains(",test,")).count());
  }

  @Test
  void missingColumnIsAnOptionErrorNamingIt() throws IOException {
    Run r = run(args(csv("ok.csv", s -> s), "--features", "x1,age"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--features: ") && r.err().contains("no column 'age'; the header has id, x1"), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
  }

  @Test
  void nonBinaryOutcomeNamesFileAndLine() throws IOException {
    Path data = csv("bad.csv", s -> s.startsWith("41,") ? s.substring(0, s.lastIndexOf(',')) + ",yes" : s);
    Run r = run(args(data));
    assertEquals(1, r.code());
    assertTrue(r.err().contains(data + ":43: outcome 'converted' must be 0 or 1, found 'yes'"), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
  }

  @Test
  void emptyArmAndEmptyCell() throws IOException {
    Path ok = csv("ok.csv", s -> s);
    Run r = run(args(ok, "--treatment-value", "sms").clone());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("the treated arm is empty: no row has arm = 'sms'"), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
    Path holes = csv("holes.csv", s -> s.startsWith("7,") ? s.replaceFirst("^7,[^,]*,", "7,,") : s);
    Run h = run(args(holes));
    assertEquals(1, h.code());
    assertTrue(h.err().contains(holes + ":9: feature 'x1' is empty"), () -> "ERR[" + h.err() + "]");
  }

  @Test
  void treatmentMustBeBinaryWithoutATreatmentValue() throws IOException {
    Path data = csv("ok.csv", s -> s);
    List<String> a = new ArrayList<>(List.of(args(data)));
    int at = a.indexOf("--treatment-value");
    a.remove(at);
    a.remove(at);
    Run r = run(a.toArray(String[]::new));
    assertEquals(1, r.code());
    assertTrue(r.err().contains(data + ":2: treatment 'arm' must be 0 or 1 (or give --treatment-value), found "), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
  }

  @Test
  void constantFeatureWarnsAndBadOptionsExitTwo() throws IOException {
    Path data = csv("ok.csv", s -> s);
    Run r = run(args(data, "--features", "x1,x2,plan"));
    assertEquals(0, r.code(), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
    assertTrue(r.err().contains("warning: feature 'plan' has one value ('basic')"), () -> "ERR[" + r.err() + "] OUT[" + r.out() + "]");
    assertEquals(2, run(args(data, "--learner", "q")).code());
    assertEquals(2, run(args(data, "--top-k", "1.5")).code());
    assertEquals(2, run(args(data, "--test-share", "0")).code());
  }
}
