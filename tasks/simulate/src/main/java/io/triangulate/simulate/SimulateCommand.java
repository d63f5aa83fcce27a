package io.triangulate.simulate;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import io.triangulate.core.run.Home;
import io.triangulate.simulate.config.MarketHistoryConfig;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate simulate}: writes simulated landing files and truth, and loads the truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a simulated retail-media world whose true ad effects are known.",
      "",
      "Writes, per day, the landing files of docs/input-formats.md to",
      "<home>/landing/<day>/: ad_events.csv and transactions.csv every day, and",
      "the cross-platform sources (identity_links, channel_spend, tv_airings,",
      "streaming_impressions, web_visits, web_purchases); advertisers, campaigns,",
      "creatives and members on the first day; experiment_assignments.csv on",
      "campaigns' start days. Writes the truth to <home>/truth/<day>/",
      "(campaign_truth.csv and channel_daily.csv; campaign_params.csv,",
      "channel_params.csv and identity.csv on the first day) and loads it into the",
      "database's truth schema, replacing the day.",
      "",
      "The world comes from simulation.yaml. The same config and seed always give",
      "the same bytes, and a day generated alone equals that day of a full run.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  triangulate simulate                    the whole configured period",
      "  triangulate simulate --ds 2026-01-20    one day, as the daily pipeline runs it",
      "  triangulate simulate --seed 7 --members 100000 --files-only"
    })
public final class SimulateCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Spec private CommandSpec spec;

  @Option(names = "--ds", paramLabel = "YYYY-MM-DD", description = "Generate this one day (cannot be combined with --from/--to).")
  private LocalDate ds;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day to generate (default: the period's first day).")
  private LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day to generate, inclusive (default: the period's last day).")
  private LocalDate to;

  @Option(names = "--seed", paramLabel = "N", description = "Override the config's seed: a different, equally valid world.")
  private Long seed;

  @Option(names = "--members", paramLabel = "N", description = "Override the config's number of members.")
  private Integer members;

  @Option(names = "--files-only", description = "Write the files but do not open the database or load the truth.")
  private boolean filesOnly;

  @Override
  public Integer call() {
    if (ds != null && (from != null || to != null)) {
      throw new ParameterException(spec.commandLine(), "--ds cannot be combined with --from/--to");
    }
    SimulationConfig config = SimulationConfig.load(common.configs());
    if (seed != null) {
      config = config.withSeed(seed);
    }
    if (members != null) {
      config = config.withMembers(members);
    }
    List<LocalDate> days = selectedDays(config);
    Progress.info("simulated world: " + config.members() + " members, " + config.campaigns() + " campaigns, "
        + config.startDate() + " to " + config.endDate() + ", seed " + config.seed());
    Simulator simulator = SimulatorCache.get(config);
    Home home = common.home();

    if (filesOnly) {
      generate(simulator, days, home, null);
    } else {
      try (Database db = common.openDatabase()) {
        new TaskRunLog(db.dsl()).record("simulate", days.size() == 1 ? days.get(0) : null, () -> {
          generate(simulator, days, home, new TruthLoader(db.dsl()));
          return new TaskRunLog.Counts(null, null, days.size() + " day(s)");
        });
      }
    }
    return 0;
  }

  private void generate(Simulator simulator, List<LocalDate> days, Home home, TruthLoader loader) {
    for (int k = 0; k < days.size(); k++) {
      LocalDate day = days.get(k);
      DayResult result;
      try {
        result = simulator.generateDay(day, home.landing(day), home.truth(day));
      } catch (UncheckedIOException e) {
        throw new TaskFailure("could not write the simulated files for " + day + ": " + e.getMessage(), e);
      }
      String loaded = "";
      if (day.equals(simulator.config().startDate())) {
        loaded += history(simulator, home, day, loader);
      }
      if (loader != null) {
        try {
          loaded = ", truth loaded (" + loader.loadDay(day, home.truth(day)) + " campaigns)";
        } catch (DataAccessException e) {
          throw new TaskFailure(
              "could not load the truth for " + day + ": " + e.getMessage() + "; re-run `triangulate simulate --ds " + day + "`", e);
        }
      }
      Progress.step(k + 1, days.size(), "simulate " + day + ": " + result.rows(OutputFile.AD_EVENTS) + " ad events, "
          + result.rows(OutputFile.TRANSACTIONS) + " orders" + loaded);
    }
  }

  /** With the first day: the market × week history before the period, its landing files and truth. */
  private String history(Simulator simulator, Home home, LocalDate day, TruthLoader loader) {
    MarketHistoryConfig config = MarketHistoryConfig.load(common.configs());
    if (config.weeks() == 0) {
      return "";
    }
    MarketHistory history = simulator.marketHistory(config);
    long rows;
    try {
      rows = HistoryFiles.write(history, home.landing(day), home.truth(day));
    } catch (UncheckedIOException e) {
      throw new TaskFailure("could not write the market history for " + day + ": " + e.getMessage(), e);
    }
    if (loader != null) {
      loader.loadHistory(home.truth(day));
    }
    return ", market history " + history.firstDay() + " to " + history.lastDay() + " (" + rows + " market-week rows)";
  }

  private List<LocalDate> selectedDays(SimulationConfig config) {
    LocalDate first = ds != null ? ds : from != null ? from : config.startDate();
    LocalDate last = ds != null ? ds : to != null ? to : config.endDate();
    if (first.isAfter(last)) {
      throw new ParameterException(spec.commandLine(), "--from " + first + " is after --to " + last);
    }
    if (first.isBefore(config.startDate()) || last.isAfter(config.endDate())) {
      throw new ParameterException(spec.commandLine(),
          "days " + first + " to " + last + " are outside the simulated period " + config.startDate() + " to "
              + config.endDate() + " (start_date and days in simulation.yaml)");
    }
    return first.datesUntil(last.plusDays(1)).toList();
  }
}
