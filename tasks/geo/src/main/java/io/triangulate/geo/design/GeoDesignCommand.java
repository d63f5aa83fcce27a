package io.triangulate.geo.design;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.geo.warehouse.GeoDesignRun;
import io.triangulate.geo.warehouse.GeoTestRun;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Mixin;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.geo.analyze.GeoPanelCsv;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoPanel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate geo design}: which markets to treat, for how long, to detect a lift. */
@Command(
    name = "design",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Ranks candidate treatment sets for a geo test from historical data (a location × date CSV as for"
          + " 'geo analyze'), GeoLift-style: candidates are the sets the other markets synthesise best, and"
          + " each one's power is simulated by placebo tests in historical time (insert the lift over a test"
          + " window ending at the last date, a week earlier, …; run the conformal test of no effect; count"
          + " rejections). MDE: the smallest lift of 1%%, 2%%, 3%%, 4%%, 5%%, 7.5%%, 10%%, 15%%, 20%%, 30%%, 50%% detected"
          + " with at least 80%% power.",
      "",
      "With --warehouse instead of --data: for each planned test of the warehouse (staging.stg_geo_test_plans),"
          + " on its advertiser's market × week history before the test (marts.geo_weekly), the plan's treated set and"
          + " the best-fitting alternatives of the same size and the plan's duration, each with its power at the lift"
          + " the plan's intervention should cause (spend multiplier on the set's recent spend × --iroas over its"
          + " baseline revenue), into marts.geo_design (replaced on every run).",
      "",
      "Example:",
      "  triangulate geo design --data sales.csv --location-col dma --date-col date --outcome revenue \\",
      "      --duration-days 21,28 --lift 0.05 --treated-count 2 --iroas 2.5 --out design.csv",
      ""
    })
public final class GeoDesignCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private CommonOptions common;

  @Option(
      names = "--warehouse",
      description = "Design the warehouse's planned geo tests into marts.geo_design (instead of --data; --iroas is the"
          + " assumed iROAS, default 2; --candidates default 5, --windows default 30 a week apart, --confidence and"
          + " --seed apply).")
  private boolean warehouse;

  @Option(
      names = "--ds",
      paramLabel = "YYYY-MM-DD",
      description = "The pipeline's day, when run as a task (the designs use the history before each test: every day"
          + " gives the same rows).")
  private java.time.LocalDate ds;

  @Option(names = "--data", paramLabel = "FILE", description = "Historical location × date CSV (no test running).")
  private Path data;

  @Option(names = "--location-col", paramLabel = "COLUMN", description = "Column of location ids.")
  private String locationColumn;

  @Option(names = "--date-col", paramLabel = "COLUMN", description = "Column of dates, YYYY-MM-DD.")
  private String dateColumn;

  @Option(names = "--outcome", paramLabel = "COLUMN", description = "Outcome column (e.g. revenue).")
  private String outcomeColumn;

  @Option(
      names = "--duration-days",
      split = ",",
      paramLabel = "N",
      defaultValue = "28",
      description = "Test length(s) in periods (days for daily data), comma-separated (default: ${DEFAULT-VALUE}).")
  private List<Integer> durations;

  @Option(names = "--lift", paramLabel = "LIFT", defaultValue = "0.05", description = "Lift to compute power for, 0.05 = +5%% (default: ${DEFAULT-VALUE}).")
  private double lift;

  @Option(
      names = "--spend",
      paramLabel = "AMOUNT",
      description = "Planned incremental spend over the test; with --iroas it sets each candidate's lift to spend × iROAS over its baseline.")
  private Double spend;

  @Option(names = "--iroas", paramLabel = "R", description = "Assumed incremental return per unit of spend; adds the cost of the MDE.")
  private Double iroas;

  @Option(names = "--treated-count", paramLabel = "K", defaultValue = "2", description = "Markets to treat (default: ${DEFAULT-VALUE}).")
  private int treatedCount;

  @Option(names = "--candidates", paramLabel = "N", defaultValue = "10", description = "Candidate sets to simulate (default: ${DEFAULT-VALUE}).")
  private int candidates;

  @Option(names = "--windows", paramLabel = "N", defaultValue = "10", description = "Placebo test windows per candidate, a week apart (default: ${DEFAULT-VALUE}).")
  private int windows;

  @Option(names = "--method", paramLabel = "sc|augsc", defaultValue = "sc", description = "Estimator of the simulated analyses (default: ${DEFAULT-VALUE}).")
  private String method;

  @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.9", description = "Level of the test, 0.9 = reject at p ≤ 0.1 (default: ${DEFAULT-VALUE}).")
  private double confidence;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random candidate draws (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the ranked table: rank, treated, share, fit_error, duration, windows, lift, power, mde,"
          + " baseline, mde_incremental, mde_cost.")
  private Path out;

  @Override
  public Integer call() {
    if (warehouse) {
      return designWarehouse();
    }
    if (data == null || locationColumn == null || dateColumn == null || outcomeColumn == null) {
      throw new ParameterException(spec.commandLine(),
          "give --data, --location-col, --date-col and --outcome (a CSV history), or --warehouse");
    }
    if (durations.stream().anyMatch(d -> d == null || d < 1)) {
      throw new ParameterException(spec.commandLine(), "--duration-days must be positive whole numbers, got " + durations);
    }
    if (!(lift > 0)) {
      throw new ParameterException(spec.commandLine(), "--lift must be positive (e.g. 0.05), got " + lift);
    }
    if (treatedCount < 1) {
      throw new ParameterException(spec.commandLine(), "--treated-count must be at least 1, got " + treatedCount);
    }
    if (candidates < 1 || windows < 1) {
      throw new ParameterException(spec.commandLine(), "--candidates and --windows must be at least 1");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new ParameterException(spec.commandLine(), "--confidence must be strictly between 0 and 1, got " + confidence);
    }
    if (iroas != null && !(iroas > 0)) {
      throw new ParameterException(spec.commandLine(), "--iroas must be positive, got " + iroas);
    }
    if (spend != null && (iroas == null || !(spend > 0))) {
      throw new ParameterException(spec.commandLine(), "--spend needs a positive amount and --iroas to turn it into a lift");
    }
    GeoMethod geoMethod;
    try {
      geoMethod = GeoMethod.parse(method);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--method must be sc or augsc, got " + method);
    }
    GeoPanel panel = new GeoPanelCsv(data, locationColumn, dateColumn, outcomeColumn, null).read();
    long started = System.nanoTime();
    List<GeoDesigner.Candidate> ranked;
    try {
      ranked = GeoDesigner.design(panel, new GeoDesigner.Options(durations, lift, treatedCount, candidates, windows, confidence,
          geoMethod, spend == null ? Double.NaN : spend, iroas == null ? Double.NaN : iroas, seed));
    } catch (IllegalArgumentException e) {
      throw new TaskFailure(data + ": " + e.getMessage());
    }
    Progress.info(String.format(Locale.ROOT, "simulated %d designs in %.2f s", ranked.size(), (System.nanoTime() - started) / 1e9));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "Geo test designs: %d locations × %d dates, %d treated, power at %s, %.0f%% test%n%n",
        panel.locations().size(), panel.dates().size(), treatedCount,
        spend == null ? String.format(Locale.ROOT, "%+.1f%% lift", 100 * lift) : "spend × iROAS", 100 * confidence);
    stdout.printf(Locale.ROOT, "%4s  %-28s %7s %8s %8s %7s %7s %7s %14s %12s%n",
        "rank", "treated", "share", "fit_err", "duration", "lift", "power", "mde", "mde_increment", "mde_cost");
    for (GeoDesigner.Candidate c : ranked) {
      stdout.printf(Locale.ROOT, "%4d  %-28s %6.1f%% %7.2f%% %8d %6.1f%% %7.2f %7s %,14.0f %12s%n",
          c.rank(), String.join(",", c.treated()), 100 * c.share(), 100 * c.fitError(), c.duration(), 100 * c.lift(),
          c.power(), Double.isNaN(c.mde()) ? ">50%" : String.format(Locale.ROOT, "%.1f%%", 100 * c.mde()),
          c.mdeIncremental(), Double.isNaN(c.mdeCost()) ? "" : String.format(Locale.ROOT, "%,.0f", c.mdeCost()));
    }
    stdout.printf(Locale.ROOT, "%npower: share of placebo windows (%d at most, a week apart) where the lift was detected;"
        + " fit_err: synthetic-control RMSE over the candidates' mean level%n", windows);
    stdout.flush();
    if (out != null) {
      List<List<?>> rows = new ArrayList<>();
      for (GeoDesigner.Candidate c : ranked) {
        rows.add(List.of(c.rank(), String.join(" ", c.treated()), c.share(), c.fitError(), c.duration(), c.windows(), c.lift(),
            c.power(), c.mde(), c.baseline(), c.mdeIncremental(), c.mdeCost()));
      }
      CsvWriter.write(out, List.of("rank", "treated", "share", "fit_error", "duration", "windows", "lift", "power", "mde",
          "baseline", "mde_incremental", "mde_cost"), rows);
      Progress.info("wrote " + rows.size() + " rows to " + out);
    }
    return 0;
  }

  private Integer designWarehouse() {
    if (data != null) {
      throw new ParameterException(spec.commandLine(), "--warehouse and --data are alternatives: give one");
    }
    double assumed = iroas == null ? 2.0 : iroas;
    // Weekly history: windows a week apart, so the defaults for daily CSVs would leave too few.
    int designWindows = spec.commandLine().getParseResult().hasMatchedOption("--windows") ? windows : 30;
    int designCandidates = spec.commandLine().getParseResult().hasMatchedOption("--candidates") ? candidates : 5;
    if (!(assumed > 0) || candidates < 1 || windows < 1 || !(confidence > 0 && confidence < 1)) {
      throw new ParameterException(spec.commandLine(),
          "--iroas must be positive, --candidates and --windows at least 1, --confidence in (0, 1)");
    }
    long started = System.nanoTime();
    try (Database db = common.openDatabase()) {
      List<GeoTestRun.Plan> plans = GeoTestRun.plans(db.dsl());
      List<GeoPanel> histories = new ArrayList<>();
      for (GeoTestRun.Plan plan : plans) {
        histories.add(GeoTestRun.panel(db.dsl(), plan.advertiserId(), plan.channel(), plan.start().minusDays(1)));
      }
      List<GeoDesignRun.Row> rows = java.util.stream.IntStream.range(0, plans.size()).parallel()
          .mapToObj(i -> GeoDesignRun.design(plans.get(i), histories.get(i), assumed, designCandidates, designWindows, confidence, seed))
          .flatMap(List::stream).toList();
      GeoDesignRun.replace(db.dsl(), rows);
      for (GeoDesignRun.Row r : rows) {
        if (r.planned()) {
          var c = r.candidate();
          Progress.info(String.format(Locale.ROOT,
              "geo design %s: planned %s, %d weeks, spend change %.0f, lift %.2f%% at iROAS %.1f: power %.2f (rank %d of %d),"
                  + " MDE %s", r.plan().testId(), String.join(",", c.treated()), c.duration(), r.spendChange(),
              100 * c.lift(), assumed, c.power(), r.rank(),
              rows.stream().filter(o -> o.plan().testId().equals(r.plan().testId())).count(),
              Double.isNaN(c.mde()) ? ">50%" : String.format(Locale.ROOT, "%.1f%%", 100 * c.mde())));
        }
      }
      Progress.info(String.format(Locale.ROOT, "geo design: %d plans, %d designs into marts.geo_design in %.1f s",
          plans.size(), rows.size(), (System.nanoTime() - started) / 1e9));
      return 0;
    } catch (DataAccessException | IllegalArgumentException e) {
      throw new TaskFailure("geo design --warehouse failed: " + e.getMessage(), e);
    }
  }
}
