package io.triangulate.geo.analyze;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.geo.report.GeoChart;
import io.triangulate.geo.stats.GeoAnalysis;
import io.triangulate.geo.stats.GeoAnalyzer;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoOptions;
import io.triangulate.geo.stats.GeoPanel;
import io.triangulate.geo.stats.GeoTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate geo analyze}: the lift of a finished geo test, from a location × date CSV. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures the effect of a geo test from a long-format CSV with one row per location and date (RFC 4180,"
          + " header row; dates YYYY-MM-DD, daily or weekly, every location on every date).",
      "",
      "The treated locations are analysed as one unit (their mean per date); all other locations are donors."
          + " sc: synthetic control, donor weights on the simplex fitted to the pre-period (Abadie, Diamond and"
          + " Hainmueller 2010). augsc: ridge-augmented synthetic control (Ben-Michael, Feller and Rothstein"
          + " 2021), penalty by leave-one-period-out CV. Both de-mean each series over the pre-period first.",
      "Intervals are conformal (Chernozhukov, Wüthrich and Zhu 2021): a constant effect is tested by refitting"
          + " on all dates and comparing test-window residuals with their moving-block permutations; the"
          + " interval inverts that test. Totals are sums over the treated locations.",
      "",
      "Example:",
      "  triangulate geo analyze --data sales.csv --location-col dma --date-col date --outcome revenue \\",
      "      --treated 501,602 --test-start 2025-03-01 --test-end 2025-03-28 --incremental-spend 40000 \\",
      "      --out lift.csv --svg lift.svg",
      ""
    })
public final class GeoAnalyzeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Location × date CSV to analyse.")
  private Path data;

  @Option(names = "--location-col", required = true, paramLabel = "COLUMN", description = "Column of location ids (markets, DMAs, regions).")
  private String locationColumn;

  @Option(names = "--date-col", required = true, paramLabel = "COLUMN", description = "Column of dates, YYYY-MM-DD.")
  private String dateColumn;

  @Option(names = "--outcome", required = true, paramLabel = "COLUMN", description = "Outcome column (e.g. revenue), numeric.")
  private String outcomeColumn;

  @Option(names = "--treated", required = true, split = ",", paramLabel = "ID", description = "Treated location ids, comma-separated.")
  private List<String> treated;

  @Option(names = "--test-start", required = true, paramLabel = "YYYY-MM-DD", description = "First date of the test.")
  private String testStart;

  @Option(names = "--test-end", paramLabel = "YYYY-MM-DD", description = "Last date of the test (default: the last date in the file; later dates are ignored).")
  private String testEnd;

  @Option(
      names = "--spend-col",
      paramLabel = "COLUMN",
      description = "Spend column: incremental spend is treated minus synthetic spend over the test (same weights), for iROAS.")
  private String spendColumn;

  @Option(
      names = "--incremental-spend",
      paramLabel = "AMOUNT",
      description = "Spend added in the treated locations over the test, all together, for iROAS (instead of --spend-col).")
  private Double incrementalSpend;

  @Option(names = "--method", paramLabel = "sc|augsc", defaultValue = "augsc", description = "Estimator (default: ${DEFAULT-VALUE}).")
  private String method;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.9",
      description = "Two-sided confidence level of the intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double confidence;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write one row per date: date, period (pre|test), treated, synthetic, effect, effect_low,"
          + " effect_high, cumulative_effect, cumulative_low, cumulative_high (bands pointwise, approximate).")
  private Path out;

  @Option(names = "--svg", paramLabel = "FILE", description = "Also write a chart: treated vs synthetic, and the cumulative effect with its band.")
  private Path svg;

  @Override
  public Integer call() {
    GeoMethod geoMethod = parseMethod();
    if (!(confidence > 0 && confidence < 1)) {
      throw new ParameterException(spec.commandLine(), "--confidence must be strictly between 0 and 1 (e.g. 0.9), got " + confidence);
    }
    if (spendColumn != null && incrementalSpend != null) {
      throw new ParameterException(spec.commandLine(), "give --spend-col or --incremental-spend, not both");
    }
    if (incrementalSpend != null && !(incrementalSpend > 0)) {
      throw new ParameterException(spec.commandLine(), "--incremental-spend must be positive, got " + incrementalSpend);
    }
    LocalDate start = parseDate("--test-start", testStart);
    LocalDate end = testEnd == null ? null : parseDate("--test-end", testEnd);
    if (end != null && end.isBefore(start)) {
      throw new ParameterException(spec.commandLine(), "--test-end " + end + " is before --test-start " + start);
    }
    List<String> ids = treated.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--treated needs at least one location id");
    }

    long started = System.nanoTime();
    GeoPanel panel = new GeoPanelCsv(data, locationColumn, dateColumn, outcomeColumn, spendColumn).read();
    Progress.info(String.format(Locale.ROOT, "read %d locations × %d dates from %s in %.2f s",
        panel.locations().size(), panel.dates().size(), data, (System.nanoTime() - started) / 1e9));
    GeoOptions options = new GeoOptions(geoMethod, confidence, true, incrementalSpend == null ? Double.NaN : incrementalSpend);
    GeoAnalysis analysis;
    started = System.nanoTime();
    try {
      analysis = GeoAnalyzer.analyze(panel, new GeoTest(ids, start, end), options);
    } catch (IllegalArgumentException e) {
      throw new TaskFailure(data + ": " + e.getMessage());
    }
    Progress.info(String.format(Locale.ROOT, "analysed in %.2f s", (System.nanoTime() - started) / 1e9));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(GeoSummary.render(analysis, outcomeColumn));
    stdout.flush();
    if (out != null) {
      GeoResultCsv.write(out, analysis);
      Progress.info("wrote " + analysis.periods().size() + " rows to " + out);
    }
    if (svg != null) {
      String title = "Geo test " + String.join(", ", ids) + ": " + outcomeColumn + " (" + geoMethod.label() + ")";
      try {
        Files.writeString(svg, GeoChart.svg(analysis, title), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new TaskFailure(svg + ": cannot write: " + e.getMessage(), e);
      }
      Progress.info("wrote chart to " + svg);
    }
    return 0;
  }

  private GeoMethod parseMethod() {
    try {
      return GeoMethod.parse(method);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--method must be one of " + Arrays.toString(new String[] {"sc", "augsc"}) + ", got " + method);
    }
  }

  private LocalDate parseDate(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), option + " must be a date YYYY-MM-DD, got \"" + text + "\"");
    }
  }
}
