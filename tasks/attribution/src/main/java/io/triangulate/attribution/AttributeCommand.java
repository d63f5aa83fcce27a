package io.triangulate.attribution;

import io.triangulate.attribution.bench.AttributionBenchmark;
import io.triangulate.attribution.datadriven.DataDrivenFit;
import io.triangulate.attribution.datadriven.DataDrivenSettings;
import io.triangulate.attribution.pathfile.AttributionFiles;
import io.triangulate.attribution.pathfile.PathFile;
import io.triangulate.attribution.pathfile.PathFileReader;
import io.triangulate.attribution.pathfile.ShareTable;
import io.triangulate.attribution.rules.PositionWeights;
import io.triangulate.attribution.warehouse.AttributionConfig;
import io.triangulate.attribution.warehouse.WarehouseAttribution;
import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code triangulate attribute}: every attribution model over an aggregated path file, or, with
 * {@code --ds}, the pipeline task over the warehouse's journeys.
 */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Credits conversions and conversion value to channels under every attribution model, from a",
      "file of aggregated paths (yours, or the journeys mart exported), and prints shares by channel",
      "and model.",
      "",
      "Models: last_touch, first_touch, linear, time_decay, position_based, markov_1..markov_4",
      "(removal effects solved exactly on the absorbing chain), shapley (exact, path-set game),",
      "shapley_simplified, data_driven (logistic regression, counterfactual removal, held-out AUC).",
      "",
      "With --ds D (the pipeline task, instead of --paths): resolves identities and rebuilds the day's",
      "journeys and path counts (marts.identity_*, journey_*, journeys, path_counts), runs the models",
      "of configs/attribution.yaml on the paths of the window ending at D at channel and campaign",
      "level, compares campaign credit with the experiments (marts.experiment_lift), calibrates every",
      "model's credit by them (marts.attribution_calibrated: factors incremental / credited, pooled",
      "within channels and across them for campaigns and channels without an experiment, with 95%%",
      "bootstrap intervals and a leave-one-campaign-out version), fits the seed regression, and",
      "replaces D's rows of marts.attribution_* and seed_regression_*.",
      ""
    },
    footer = {
      "",
      "Path file format (one header line, then one row per distinct path):",
      "  path                 channels in time order separated by '>' (usually ' > ')",
      "  total_conversions    journeys on this path that converted   (or: conversions)",
      "  total_conversion_value  their total value, optional          (or: conversion_value, value)",
      "  total_null           journeys on this path that did not convert (or: total_nulls, nulls)",
      "  days_before_conversion  optional, per touch, ' > '-separated days before the conversion",
      "                       (or the journey's end); needed by time_decay, skipped without it",
      "Header names are case-insensitive; fields may be double-quoted. Example (--delimiter ';'):",
      "  path;total_conversions;total_conversion_value;total_null",
      "  search > social > email;3;120.5;17",
      "",
      "Outputs in --out: attribution.csv (model,channel,conversions,value,share),",
      "removal_effects.csv (order,channel,removal_effect), transition_matrix_<k>.csv",
      "(from_state,to_state,probability) and data_driven_fit.csv (held-out AUC, coefficients).",
      "",
      "Exit codes: 0 done, 1 unreadable or invalid path file, 2 invalid options."
    })
public final class AttributeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private CommonOptions common;

  @Option(names = "--paths", paramLabel = "FILE", description = "Aggregated path file (format below).")
  private Path pathsFile;

  @Option(
      names = "--ds",
      paramLabel = "YYYY-MM-DD",
      description = "Pipeline task: attribute the warehouse's journeys up to this day (re-running replaces its rows).")
  private LocalDate ds;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "MODEL",
      description = "Models to run, comma-separated (default: all).")
  private List<String> models;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      defaultValue = ";",
      description = "Field delimiter of the path file: one character, or 'tab' (default: ${DEFAULT-VALUE}).")
  private String delimiter;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "output/attribution",
      description = "Folder for the CSV outputs (default: ./${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--half-life-days",
      paramLabel = "DAYS",
      defaultValue = "7",
      description = "time_decay: credit halves every this many days before conversion (default: ${DEFAULT-VALUE}).")
  private double halfLifeDays;

  @Option(
      names = "--lookback-days",
      paramLabel = "DAYS",
      defaultValue = "30",
      description = "time_decay: touches older than this get no credit (default: ${DEFAULT-VALUE}).")
  private double lookbackDays;

  @Option(
      names = "--position-weights",
      paramLabel = "FIRST,MIDDLE,LAST",
      defaultValue = "0.4,0.2,0.4",
      description = "position_based: shares of first, middle and last touches, summing to 1 (default: ${DEFAULT-VALUE}).")
  private String positionWeights;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "data_driven: seed of the train/held-out split (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--benchmark", hidden = true, description = "Time the models instead of writing outputs.")
  private boolean benchmark;

  @Option(names = "--benchmark-paths", hidden = true, defaultValue = "100000")
  private int benchmarkPaths;

  @Option(names = "--benchmark-sql", hidden = true, description = "Time SQL path aggregation and the models on its paths.")
  private boolean benchmarkSql;

  @Option(names = "--benchmark-touchpoints", hidden = true, defaultValue = "10000000")
  private long benchmarkTouchpoints;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    if (benchmarkSql) {
      try (Database db = common.openDatabase()) {
        io.triangulate.attribution.bench.PathAggregationBenchmark.run(stdout, db.dsl(), benchmarkTouchpoints);
      }
      return 0;
    }
    if (benchmark) {
      AttributionBenchmark.run(stdout, pathsFile, benchmarkPaths, seed);
      stdout.flush();
      return 0;
    }
    if (ds != null) {
      if (pathsFile != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--ds and --paths exclude each other: pick one");
      }
      return attributeWarehouse(stdout);
    }
    if (pathsFile == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--paths=FILE' (or --ds)");
    }
    List<AttributionModel> chosen = chosenModels();
    AttributionSettings settings = settings();
    char separator = delimiterChar();

    Progress.info("reading " + pathsFile);
    PathFile file = PathFileReader.read(pathsFile, separator);
    PathSet paths = file.paths();
    Progress.info(String.format(Locale.ROOT, "%d paths, %d channels, %.0f conversions, %.0f non-converting journeys",
        paths.size(), paths.channelCount(), paths.totalConversions(), paths.totalNulls()));
    if (!file.hadValueColumn()) {
      Progress.info("no conversion value column: value credits are 0");
    }

    AttributionSuite suite = new AttributionSuite(paths, settings);
    List<ModelOutcome> outcomes = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int step = 0;
    for (AttributionModel model : chosen) {
      step++;
      var reason = suite.reasonToSkip(model);
      if (reason.isPresent()) {
        skipped.add(reason.get());
        stdout.println("note: " + reason.get());
        continue;
      }
      long started = System.nanoTime();
      outcomes.add(suite.run(model));
      Progress.step(step, chosen.size(),
          String.format(Locale.ROOT, "%s (%.2f s)", model.id(), (System.nanoTime() - started) / 1e9));
    }
    AttributionReport report = new AttributionReport(outcomes, skipped);
    List<Path> written = AttributionFiles.write(out, report);

    stdout.println();
    stdout.print(ShareTable.render(report.credits()));
    report.dataDriven().ifPresent(fit -> printFit(stdout, fit));
    stdout.println();
    for (Path path : written) {
      stdout.println("wrote " + path);
    }
    stdout.flush();
    return 0;
  }

  private Integer attributeWarehouse(PrintWriter stdout) throws Exception {
    AttributionConfig config = AttributionConfig.load(common.configs());
    try (Database db = common.openDatabase()) {
      new TaskRunLog(db.dsl()).record("attribute", ds, () -> {
        long started = System.nanoTime();
        WarehouseAttribution.Summary summary = WarehouseAttribution.run(db.dsl(), ds, config, seed);
        summary.notes().forEach(note -> Progress.info("note: " + note));
        AttributionReport channels = summary.reports().get(WarehouseAttribution.CHANNEL);
        if (channels != null && outGiven()) {
          AttributionFiles.write(out, channels).forEach(path -> Progress.info("wrote " + path));
        }
        Progress.info(String.format(Locale.ROOT, "attribute %s: %,d rows in %.2f s", ds, summary.rowsWritten(),
            (System.nanoTime() - started) / 1e9));
        return TaskRunLog.Counts.written(summary.rowsWritten(), summary.reports().size() + " levels");
      });
    }
    stdout.flush();
    return 0;
  }

  private boolean outGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--out");
  }

  private static void printFit(PrintWriter stdout, DataDrivenFit fit) {
    stdout.printf(Locale.ROOT, "data_driven: held-out AUC %.3f (%d training, %d held-out journeys)%n",
        fit.heldOutAuc(), fit.trainingJourneys(), fit.heldOutJourneys());
  }

  private List<AttributionModel> chosenModels() {
    if (models == null || models.isEmpty()) {
      return Arrays.asList(AttributionModel.values());
    }
    List<AttributionModel> chosen = new ArrayList<>();
    for (String name : models) {
      try {
        AttributionModel model = AttributionModel.fromId(name);
        if (!chosen.contains(model)) {
          chosen.add(model);
        }
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--models: " + e.getMessage());
      }
    }
    return chosen;
  }

  private AttributionSettings settings() {
    try {
      return new AttributionSettings(halfLifeDays, lookbackDays, PositionWeights.parse(positionWeights),
          DataDrivenSettings.DEFAULT.withSeed(seed));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private char delimiterChar() {
    if ("tab".equalsIgnoreCase(delimiter) || "\\t".equals(delimiter)) {
      return '\t';
    }
    if (delimiter.length() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--delimiter: expected one character (e.g. ';' or ',') or 'tab', got '" + delimiter + "'");
    }
    return delimiter.charAt(0);
  }
}
