package io.triangulate.cli;

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
import io.triangulate.simulate.ExpectedOutcome;
import io.triangulate.simulate.MarketHistory;
import io.triangulate.simulate.config.MarketHistoryConfig;
import io.triangulate.simulate.SimulationConfig;
import io.triangulate.simulate.Simulator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code triangulate closed-loop}: re-simulates the fitted window with the MMM's recommended budget
 * split and compares the realised revenue change with the predicted one. Lives in the cli module
 * because it needs both the MMM (tasks/mmm) and the simulator (tasks/simulate), which do not
 * depend on each other.
 */
@Command(
    name = "closed-loop",
    mixinStandardHelpOptions = true,
    description = {
      "Closed loop in simulation: would the MMM's budget plan really pay?",
      "",
      "Takes the warehouse's MMM fit (the latest, or --ds/--grain), plans the budget",
      "scenarios on it as `optimize --warehouse` does (horizon = the fitted window,",
      "current spend = its mean, bounds 0.5x to 2x), turns each plan into a spend",
      "multiplier per channel (planned / current) and asks the simulator for the",
      "window's expected revenue (no sampling noise, same exposures otherwise) with",
      "and without the multipliers. Prints and writes to --out closed_loop.csv and",
      "marts.mmm_closed_loop: planned spend, predicted change (90%% interval) and",
      "realised change of the target. configs/simulation.yaml must describe the",
      "world that was simulated. Onsite channels scale their ad opportunities, so",
      "their realised spend can differ from the plan near the opportunity cap.",
      ""
    })
public final class ClosedLoopCommand implements Callable<Integer> {

  public static final String FILE = "closed_loop.csv";

  @Mixin private CommonOptions common;

  @Option(names = "--ds", paramLabel = "YYYY-MM-DD", description = "The fit ending on this day (default: the latest fit).")
  private LocalDate ds;

  @Option(names = "--grain", paramLabel = "daily|weekly", description = "The fit of this grain (default: the latest of any).")
  private String grain;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--scenario", split = ",", paramLabel = "NAME",
      description = "Only these budget scenarios, e.g. 100%%,120%% (default: 90%%, 100%%, 110%%, 120%% and 150%%).")
  private List<String> scenarios = List.of();

  /** One scenario's outcome. */
  public record Row(String model, String scenario, LocalDate from, LocalDate to, double currentSpend, double plannedSpend,
      double realizedSpend, double baselineRevenue, double realizedRevenue, double predictedChange, double predictedLow,
      double predictedHigh) {

    public double realizedChange() {
      return realizedRevenue - baselineRevenue;
    }
  }

  @Override
  public Integer call() {
    Simulator simulator = new Simulator(SimulationConfig.load(common.configs()));
    try (Database db = common.openDatabase()) {
      MarketHistory history = simulator.marketHistory(MarketHistoryConfig.load(common.configs()));
      List<Row> rows = run(db.dsl(), simulator, history, ds, grain == null ? null : Grain.parse(grain), scenarios);
      write(rows, out.resolve(FILE));
      System.out.print(table(rows));
      Progress.info("wrote " + out.resolve(FILE).toAbsolutePath());
    }
    return 0;
  }

  /** Plans, re-simulates and stores every standard scenario of the chosen fit. */
  public static List<Row> run(DSLContext dsl, Simulator simulator, LocalDate ds, Grain grain, List<String> only) {
    return run(dsl, simulator, null, ds, grain, only);
  }

  /**
   * As {@link #run(DSLContext, Simulator, LocalDate, Grain, List)}, re-simulating the part of the
   * window before the member-level period with the market history (null: no history).
   */
  public static List<Row> run(DSLContext dsl, Simulator simulator, MarketHistory history, LocalDate ds, Grain grain,
      List<String> only) {
    MmmResultStore store = new MmmResultStore(dsl);
    FitKey key = ds != null ? new FitKey(ds, grain != null ? grain : Grain.DAILY)
        : store.latestFit(grain).orElseThrow(() -> new IllegalArgumentException(
            "no MMM fitted on the warehouse yet; run `triangulate mmm fit --warehouse` first"));
    List<MediaResponseModel> models = store.models(key);
    MediaResponseModel model = models.stream().filter(MediaResponseModel::fromPosterior).findFirst().orElse(models.get(0));
    LocalDate[] window = store.window(key);
    LocalDate from = window[0];
    LocalDate to = window[1].plusDays(key.grain().days() - 1L);
    int periods = model.dates().size();
    BudgetPlanner planner = new BudgetPlanner(model, new PlanSettings(periods, periods, Map.of(), ChannelBounds.defaults()));
    List<AllocationRow> current = planner.currentPlan();
    Map<String, List<AllocationRow>> plans = new LinkedHashMap<>();
    for (AllocationRow row : planner.scenarios()) {
      if (only.isEmpty() || only.contains(row.scenario())) {
        plans.computeIfAbsent(row.scenario(), s -> new ArrayList<>()).add(row);
      }
    }
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("--scenario " + only + " names no plan; plans are 90%, 100%, 110%, 120%, 150%"
          + " (with _capped_by_bounds where the bounds cannot reach them)");
    }
    Progress.info("closed loop: " + key + " (" + model.model() + "), re-simulating " + from + " to " + to + " for "
        + plans.size() + " plans");
    boolean orders = "orders".equals(model.targetName());
    LocalDate start = simulator.config().startDate();
    Outcome base = outcome(simulator, history, from, to, start, Map.of(), model.channels());
    List<Row> rows = new ArrayList<>();
    for (List<AllocationRow> plan : plans.values()) {
      PlanPrediction prediction = PlanPrediction.of(model, current, plan, periods);
      Outcome realized = outcome(simulator, history, from, to, start, prediction.multipliers(), model.channels());
      rows.add(new Row(model.model(), prediction.scenario(), from, to, prediction.currentSpend(), prediction.plannedSpend(),
          realized.spend(), orders ? base.orders() : base.revenue(), orders ? realized.orders() : realized.revenue(),
          prediction.change(), prediction.changeLow(), prediction.changeHigh()));
    }
    replace(dsl, key, rows);
    return rows;
  }

  private record Outcome(double orders, double revenue, double spend) {}

  /** Expected outcome of the window: the market history's days before the period, the member-level days after. */
  private static Outcome outcome(Simulator simulator, MarketHistory history, LocalDate from, LocalDate to, LocalDate start,
      Map<String, Double> multipliers, List<String> channels) {
    double orders = 0;
    double revenue = 0;
    double spend = 0;
    if (from.isBefore(start)) {
      if (history == null || history.weekCount() == 0 || from.isBefore(history.firstDay())) {
        throw new IllegalArgumentException("the fit's window starts " + from + ", before the simulated period ("
            + start + ") and the market history" + (history == null || history.weekCount() == 0 ? " (none configured)"
            : " (from " + history.firstDay() + ")") + "; configs must describe the world that was simulated");
      }
      LocalDate historyTo = to.isBefore(history.lastDay()) ? to : history.lastDay();
      MarketHistory.Totals h = history.expected(from, historyTo, multipliers);
      orders += h.orders();
      revenue += h.revenue();
      for (String channel : channels) {
        int c = history.channels().indexOf(channel);
        spend += c < 0 ? 0 : h.spend()[c];
      }
    }
    if (!to.isBefore(start)) {
      ExpectedOutcome member = simulator.expectedOutcome(from.isBefore(start) ? start : from, to, multipliers);
      orders += member.orders();
      revenue += member.revenue();
      for (String channel : channels) {
        spend += member.spendByChannel().getOrDefault(channel, 0.0);
      }
    }
    return new Outcome(orders, revenue, spend);
  }

  private static void replace(DSLContext dsl, FitKey key, List<Row> rows) {
    dsl.transaction(tx -> {
      DSLContext t = tx.dsl();
      t.execute("delete from marts.mmm_closed_loop where ds = ? and grain = ?", key.ds(), key.grain().label());
      for (Row r : rows) {
        t.execute("insert into marts.mmm_closed_loop (ds, grain, model, scenario, period_start, period_end, current_spend,"
                + " planned_spend, baseline_revenue, realized_revenue, realized_change, predicted_change,"
                + " predicted_change_low, predicted_change_high) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            key.ds(), key.grain().label(), r.model(), r.scenario(), r.from(), r.to(), r.currentSpend(), r.plannedSpend(),
            r.baselineRevenue(), r.realizedRevenue(), r.realizedChange(), finite(r.predictedChange()),
            finite(r.predictedLow()), finite(r.predictedHigh()));
      }
    });
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static void write(List<Row> rows, Path file) {
    try (CsvWriter w = CsvWriter.open(file, List.of("model", "scenario", "period_start", "period_end", "current_spend",
        "planned_spend", "realized_spend", "baseline_revenue", "realized_revenue", "realized_change", "predicted_change",
        "predicted_change_low", "predicted_change_high"))) {
      for (Row r : rows) {
        w.row(r.model(), r.scenario(), r.from(), r.to(), r.currentSpend(), r.plannedSpend(), r.realizedSpend(),
            r.baselineRevenue(), r.realizedRevenue(), r.realizedChange(), r.predictedChange(), r.predictedLow(),
            r.predictedHigh());
      }
    }
  }

  public static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    if (rows.isEmpty()) {
      return b.toString();
    }
    b.append(String.format(Locale.ROOT, "Closed loop %s to %s (%s model): the simulator's expected revenue with each plan%n",
        rows.get(0).from(), rows.get(0).to(), rows.get(0).model()));
    b.append(String.format(Locale.ROOT, "  %-24s %12s %12s %12s %14s %26s%n",
        "scenario", "current", "planned", "realised", "realised Δ", "predicted Δ (90% interval)"));
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "  %-24s %,12.0f %,12.0f %,12.0f %,14.0f %,10.0f [%,6.0f, %,6.0f]%n",
          r.scenario(), r.currentSpend(), r.plannedSpend(), r.realizedSpend(), r.realizedChange(), r.predictedChange(),
          r.predictedLow(), r.predictedHigh()));
    }
    return b.toString();
  }
}
