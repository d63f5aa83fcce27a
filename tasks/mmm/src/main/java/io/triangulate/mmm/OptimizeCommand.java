package io.triangulate.mmm;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.core.db.Database;
import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.optimize.AllocationRow;
import io.triangulate.mmm.optimize.BudgetPlanner;
import io.triangulate.mmm.optimize.ChannelBounds;
import io.triangulate.mmm.optimize.PlanSettings;
import io.triangulate.mmm.warehouse.FitKey;
import io.triangulate.mmm.warehouse.Grain;
import io.triangulate.mmm.warehouse.MmmResultStore;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triangulate optimize --model DIR}: budget allocation on a fitted MMM. */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Splits a media budget across channels to maximise predicted incremental",
      "revenue, on a model fitted by `triangulate mmm fit --out DIR` (--model DIR)",
      "or on the warehouse's stored fit (--warehouse: the latest, or --ds/--grain),",
      "whose plans also replace the fit's rows in marts.mmm_allocation. On the",
      "warehouse the horizon and reference default to the fitted window.",
      "",
      "Plans are steady states over --horizon periods: the same spend every",
      "period, carryover fully built up. The optimum equalises marginal ROAS",
      "across channels within per-channel bounds (default 0.5x to 2x current",
      "spend; S-shaped curves are handled per channel). With the Bayesian",
      "model the plan maximises posterior expected revenue and the 90%%",
      "revenue interval comes from posterior draws; with ridge, from bootstrap",
      "replicates. Current spend = mean of the latest --reference-periods.",
      "",
      "Writes allocation.csv: scenario, channel, current_spend, optimal_spend,",
      "change, expected_revenue, expected_revenue_low, expected_revenue_high,",
      "roas, mroas. Amounts are totals over the horizon; revenue is the media-",
      "driven (incremental) part, not total sales. Each scenario has one row",
      "per channel and a `total` row, whose mroas is the marginal ROAS the plan",
      "equalises (empty when the budget sits at the bounds). Scenario `current`",
      "keeps today's split; a scenario the bounds cannot reach is planned at the",
      "nearest budget they allow and named *_capped_by_bounds.",
      ""
    })
public final class OptimizeCommand implements Callable<Integer> {

  @Option(names = "--model", paramLabel = "DIR", description = "Folder written by `mmm fit` (with model.json).")
  Path modelDir;

  @Option(names = "--warehouse", description = "Plan on the fit stored by `mmm fit --warehouse` instead of --model.")
  boolean warehouse;

  @Option(names = "--ds", paramLabel = "YYYY-MM-DD", description = "Warehouse: the fit ending on this day (default: the latest fit).")
  LocalDate ds;

  @Option(names = "--grain", paramLabel = "daily|weekly", description = "Warehouse: the fit of this grain (default: the latest of any).")
  String grain;

  @Mixin CommonOptions common;

  @Option(names = "--use", paramLabel = "ridge|bayesian", description = "Which fitted model to plan with (default: bayesian if fitted, else ridge).")
  String use;

  @Option(names = "--budget", paramLabel = "X", description = "Total budget over the horizon to allocate (scenario `budget`).")
  Double budget;

  @Option(names = "--budget-scenarios", description = "Plan at 90/100/110/120/150%% of the current budget (the default when no --budget or target is given).")
  boolean scenarios;

  @Option(names = "--target-roas", paramLabel = "R", description = "Also find the largest budget whose total ROAS stays ≥ R (scenario `target_roas`).")
  Double targetRoas;

  @Option(names = "--target-mroas", paramLabel = "R", description = "Also find the largest budget whose marginal ROAS stays ≥ R (scenario `target_mroas`).")
  Double targetMroas;

  @Option(names = "--bounds", split = ",", paramLabel = "CHANNEL=LOW:HIGH",
      description = "Per-channel bounds as multiples of current spend, e.g. tv=0.8:1.5,search=0:3.")
  List<String> relativeBounds = new ArrayList<>();

  @Option(names = "--abs-bounds", split = ",", paramLabel = "CHANNEL=LOW:HIGH",
      description = "Per-channel bounds as absolute totals over the horizon, e.g. tv=50000:120000.")
  List<String> absoluteBounds = new ArrayList<>();

  @Option(names = "--default-bounds", defaultValue = "0.5:2", paramLabel = "LOW:HIGH",
      description = "Bounds (multiples of current spend) for channels not named (default: ${DEFAULT-VALUE}).")
  String defaultBounds;

  @Option(names = "--horizon", paramLabel = "N",
      description = "Planning horizon in periods (default: 52; on the warehouse the fitted window's periods).")
  Integer horizon;

  @Option(names = "--reference-periods", paramLabel = "N",
      description = "Current spend = mean of the latest N periods (default: 52; on the warehouse the whole fitted window).")
  Integer referencePeriods;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write allocation.csv (default: the --model folder; mmm-out with --warehouse).")
  Path out;

  @Override
  public Integer call() {
    if (warehouse == (modelDir != null)) {
      throw new IllegalArgumentException("give either --model DIR or --warehouse");
    }
    if (!warehouse) {
      List<MediaResponseModel> models = ModelJson.read(modelDir);
      MediaResponseModel chosen = choose(models);
      List<AllocationRow> rows = plan(chosen, horizon != null ? horizon : 52, referencePeriods != null ? referencePeriods : 52);
      Path dir = out != null ? out : (modelDir.toFile().isDirectory() ? modelDir : modelDir.toAbsolutePath().getParent());
      write(dir.resolve("allocation.csv"), rows);
      print(chosen, rows);
      return 0;
    }
    try (Database db = common.openDatabase()) {
      MmmResultStore store = new MmmResultStore(db.dsl());
      Grain wanted = grain == null ? null : Grain.parse(grain);
      FitKey key = ds != null ? new FitKey(ds, wanted != null ? wanted : Grain.DAILY)
          : store.latestFit(wanted).orElseThrow(() -> new IllegalArgumentException(
              "no MMM fitted on the warehouse yet; run `triangulate mmm fit --warehouse` first"));
      MediaResponseModel chosen = choose(store.models(key));
      int periods = chosen.dates().size();
      List<AllocationRow> rows = plan(chosen, horizon != null ? horizon : periods,
          referencePeriods != null ? referencePeriods : periods);
      int written = store.replaceAllocation(key, chosen.model(), rows);
      Path dir = out != null ? out : Path.of("mmm-out");
      write(dir.resolve("allocation.csv"), rows);
      print(chosen, rows);
      Progress.info("optimize: " + written + " rows of the " + key + " (" + chosen.model() + ") in marts.mmm_allocation; wrote "
          + dir.resolve("allocation.csv").toAbsolutePath());
    }
    return 0;
  }

  private List<AllocationRow> plan(MediaResponseModel chosen, int horizonPeriods, int reference) {
    Map<String, ChannelBounds> bounds = new HashMap<>();
    parseBounds(relativeBounds, true, bounds);
    parseBounds(absoluteBounds, false, bounds);
    PlanSettings settings = new PlanSettings(reference, horizonPeriods, bounds, ChannelBounds.parse(defaultBounds, true));
    BudgetPlanner planner = new BudgetPlanner(chosen, settings);

    List<AllocationRow> rows = new ArrayList<>(planner.currentPlan());
    boolean anyRequest = budget != null || targetRoas != null || targetMroas != null;
    if (budget != null) {
      double[] range = planner.budgetRange();
      if (budget < range[0] || budget > range[1]) {
        throw new IllegalArgumentException(String.format(
            "--budget %s is outside what the bounds allow over %d periods: %.2f to %.2f; widen --bounds or --default-bounds",
            CsvWriter.format(budget), horizonPeriods, range[0], range[1]));
      }
      rows.addAll(planner.optimise("budget", budget));
    }
    if (scenarios || !anyRequest) {
      rows.addAll(planner.scenarios());
    }
    if (targetRoas != null) {
      rows.addAll(planner.targetRoas(targetRoas));
    }
    if (targetMroas != null) {
      rows.addAll(planner.targetMarginalRoas(targetMroas));
    }
    return rows;
  }

  private MediaResponseModel choose(List<MediaResponseModel> models) {
    if (use != null) {
      return models.stream().filter(m -> m.model().equalsIgnoreCase(use)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("--use " + use + ": the saved fit has " + models.stream().map(MediaResponseModel::model).toList()));
    }
    return models.stream().filter(MediaResponseModel::fromPosterior).findFirst().orElse(models.get(0));
  }

  private static void parseBounds(List<String> specs, boolean relative, Map<String, ChannelBounds> into) {
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bounds must look like CHANNEL=LOW:HIGH, got '" + spec + "'");
      }
      into.put(spec.substring(0, eq).trim(), ChannelBounds.parse(spec.substring(eq + 1), relative));
    }
  }

  static void write(Path file, List<AllocationRow> rows) {
    List<List<Object>> cells = new ArrayList<>();
    for (AllocationRow r : rows) {
      cells.add(List.of(r.scenario(), r.channel(), r.currentSpend(), r.optimalSpend(), r.change(), r.expectedRevenue(),
          r.expectedRevenueLow(), r.expectedRevenueHigh(), r.roas(), r.mroas()));
    }
    CsvWriter.write(file, List.of("scenario", "channel", "current_spend", "optimal_spend", "change", "expected_revenue",
        "expected_revenue_low", "expected_revenue_high", "roas", "mroas"), cells);
  }

  private static void print(MediaResponseModel model, List<AllocationRow> rows) {
    System.out.println("plan on the " + model.model() + " model (totals over the horizon; revenue is incremental)");
    System.out.printf("%-26s %-14s %14s %14s %14s %28s %10s%n",
        "scenario", "channel", "current", "optimal", "revenue", "revenue 90% interval", "mroas");
    for (AllocationRow r : rows) {
      System.out.printf("%-26s %-14s %14s %14s %14s %28s %10s%n", r.scenario(), r.channel(),
          ConsoleNumbers.significant(r.currentSpend(), 5), ConsoleNumbers.significant(r.optimalSpend(), 5),
          ConsoleNumbers.significant(r.expectedRevenue(), 5),
          "[" + ConsoleNumbers.significant(r.expectedRevenueLow(), 4) + ", " + ConsoleNumbers.significant(r.expectedRevenueHigh(), 4) + "]",
          ConsoleNumbers.significant(r.mroas(), 4));
    }
  }
}
