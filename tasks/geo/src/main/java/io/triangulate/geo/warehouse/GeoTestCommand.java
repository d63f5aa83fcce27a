package io.triangulate.geo.warehouse;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoPanel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate geo test}: analyses the warehouse's geo tests (the simulated ones in the market history). */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyses every planned geo test of the warehouse (staging.stg_geo_test_plans, from the geo_test_plans"
          + " landing file; the simulator writes one per advertiser that buys linear TV, configs/market_history.yaml"
          + " geo_test_*), each on its advertiser's market × week panel of marts.geo_weekly (outcome: revenue; spend:"
          + " the tested channel's).",
      "",
      "Writes marts.geo_results (ATT, incremental revenue, lift and iROAS with intervals, pre-period R² and RMSE,"
          + " conformal p-value) and marts.geo_result_periods (treated vs synthetic and the cumulative effect per"
          + " week, for the report). Incremental spend is treated minus synthetic spend over the window (negative"
          + " for a switch-off). Re-running replaces every row.",
      ""
    })
public final class GeoTestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private CommonOptions common;

  @Option(names = "--method", paramLabel = "sc|augsc", defaultValue = "augsc", description = "Estimator (default: ${DEFAULT-VALUE}).")
  private String method;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.9",
      description = "Two-sided level of every interval, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double confidence;

  @Option(
      names = "--ds",
      paramLabel = "YYYY-MM-DD",
      description = "The pipeline's day, when run as a task: the tests are in the market history before the member-level"
          + " period, so every day gives the same rows.")
  private java.time.LocalDate ds;

  @Override
  public Integer call() {
    GeoMethod geoMethod;
    try {
      geoMethod = GeoMethod.parse(method);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--method must be one of " + Arrays.toString(new String[] {"sc", "augsc"}) + ", got " + method);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new ParameterException(spec.commandLine(), "--confidence must be strictly between 0 and 1, got " + confidence);
    }
    long started = System.nanoTime();
    try (Database db = common.openDatabase()) {
      List<GeoTestRun.Plan> plans = GeoTestRun.plans(db.dsl());
      List<GeoPanel> panels = new ArrayList<>();
      for (GeoTestRun.Plan plan : plans) {
        panels.add(GeoTestRun.panel(db.dsl(), plan.advertiserId(), plan.channel(), plan.end()));
      }
      // The analyses are independent and pure: one per core (results keep the plans' order).
      List<GeoTestRun.Result> results = java.util.stream.IntStream.range(0, plans.size()).parallel()
          .mapToObj(i -> GeoTestRun.analyse(plans.get(i), panels.get(i), geoMethod, confidence)).toList();
      GeoTestRun.replace(db.dsl(), results);
      for (GeoTestRun.Result r : results) {
        var a = r.analysis();
        Progress.info(String.format(Locale.ROOT,
            "geo test %s %s in %s from %s: incremental revenue %.0f [%.0f, %.0f], iROAS %s, pre-fit R² %.3f",
            r.plan().advertiserId(), r.plan().channel(), String.join(",", r.plan().treated()), r.plan().start(),
            a.incremental().value(), a.incremental().low(), a.incremental().high(),
            r.iroas() == null ? "n/a" : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.iroas().value(), r.iroas().low(), r.iroas().high()),
            a.preFit().rSquared()));
      }
      Progress.info(String.format(Locale.ROOT, "geo test: %d tests analysed into marts.geo_results in %.1f s",
          results.size(), (System.nanoTime() - started) / 1e9));
      return 0;
    } catch (DataAccessException | IllegalArgumentException e) {
      throw new TaskFailure("geo test failed: " + e.getMessage(), e);
    }
  }
}
