package io.triangulate.mmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end on a small synthetic CSV: files, exact headers and consistency. */
class CommandsTest {

  static {
    Progress.setQuiet(true);
  }

  @TempDir Path dir;

  private Path writeCsv() throws IOException {
    var data = SyntheticMmm.generate(80, 2, 21).data();
    List<String> lines = new ArrayList<>();
    lines.add("week,revenue,channel_1,channel_2,promo");
    for (int t = 0; t < data.periods(); t++) {
      lines.add(data.dates()[t] + "," + data.target()[t] + "," + data.spend()[0][t] + "," + data.spend()[1][t] + ","
          + data.controlValues()[0][t]);
    }
    Path csv = dir.resolve("weekly.csv");
    Files.write(csv, lines);
    return csv;
  }

  private static int run(Object command, StringWriter err, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler((ex, c, p) -> {
      c.getErr().println("error: " + ex.getMessage());
      return 1;
    });
    PrintStream original = System.out;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream()));
      return cli.execute(args);
    } finally {
      System.setOut(original);
    }
  }

  private static List<Map<String, String>> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void fitThenOptimizeWritesTheDocumentedFiles() throws IOException {
    Path csv = writeCsv();
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();
    int code = run(new MmmCommand(), err, "fit", "--data", csv.toString(), "--date-col", "week", "--target", "revenue",
        "--channels", "channel_1,channel_2", "--controls", "promo", "--model", "both", "--iterations", "300",
        "--trials", "2", "--chains", "2", "--draws", "200", "--seed", "3", "--out", out.toString());
    assertEquals(0, code, err.toString());
    assertEquals("model,channel,spend,contribution,contribution_share,roas,roas_low,roas_high,mroas",
        Files.readAllLines(out.resolve("channel_summary.csv")).get(0));
    assertEquals("date,component,value", Files.readAllLines(out.resolve("decomposition.csv")).get(0));
    assertEquals("model,metric,value", Files.readAllLines(out.resolve("fit_metrics.csv")).get(0));
    for (String file : List.of("decomposition_ridge.csv", "parameters.csv", "fit.csv", "response_curves.csv",
        "data_quality.csv", "model.json")) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }
    List<Map<String, String>> summary = read(out.resolve("channel_summary.csv"));
    assertEquals(4, summary.size());
    assertEquals(List.of("ridge", "ridge", "bayesian", "bayesian"), summary.stream().map(r -> r.get("model")).toList());

    // decomposition.csv (Bayesian) adds up to the Bayesian fitted values in fit.csv.
    Map<String, Double> sums = new HashMap<>();
    for (Map<String, String> row : read(out.resolve("decomposition.csv"))) {
      sums.merge(row.get("date"), Double.parseDouble(row.get("value")), Double::sum);
    }
    for (Map<String, String> row : read(out.resolve("fit.csv"))) {
      if (row.get("model").equals("bayesian")) {
        assertEquals(Double.parseDouble(row.get("fitted")), sums.get(row.get("date")), 1e-6 * Double.parseDouble(row.get("fitted")));
      }
    }

    code = run(new OptimizeCommand(), err, "--model", out.toString(), "--budget-scenarios", "--target-mroas", "0.5");
    assertEquals(0, code, err.toString());
    List<String> allocation = Files.readAllLines(out.resolve("allocation.csv"));
    assertEquals("scenario,channel,current_spend,optimal_spend,change,expected_revenue,expected_revenue_low,"
        + "expected_revenue_high,roas,mroas", allocation.get(0));
    List<Map<String, String>> rows = read(out.resolve("allocation.csv"));
    List<String> scenarios = rows.stream().map(r -> r.get("scenario")).distinct().toList();
    assertEquals("current", scenarios.get(0));
    assertTrue(scenarios.containsAll(List.of("90%", "100%", "110%", "120%", "150%")), scenarios.toString());
    for (Map<String, String> row : rows) {
      if (row.get("scenario").equals("100%") && row.get("channel").equals("total")) {
        double current = Double.parseDouble(row.get("current_spend"));
        assertEquals(current, Double.parseDouble(row.get("optimal_spend")), 1e-6 * current);
        assertTrue(Double.parseDouble(row.get("expected_revenue_low")) <= Double.parseDouble(row.get("expected_revenue")));
      }
    }
  }

  @Test
  void badInputFailsWithFileLineAndColumn() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.write(csv, List.of("week,revenue,tv", "2024-01-01,100,5", "2024-01-08,oops,6"));
    StringWriter err = new StringWriter();
    int code = run(new MmmCommand(), err, "check", "--data", csv.toString(), "--date-col", "week", "--target", "revenue",
        "--channels", "tv");
    assertEquals(1, code);
    assertTrue(err.toString().contains(csv + ":3: column 'revenue': cannot read 'oops' as a number"), err.toString());
  }

  @Test
  void optimizeWithoutAFitSaysWhatToDo() {
    StringWriter err = new StringWriter();
    int code = run(new OptimizeCommand(), err, "--model", dir.resolve("nothing").toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains("run `triangulate mmm fit --out DIR` first"), err.toString());
  }
}
