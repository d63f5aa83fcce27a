package io.triangulate.experiments;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.IntervalOption;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import io.triangulate.experiments.lift.LiftEstimator;
import io.triangulate.experiments.lift.SegmentLift;
import io.triangulate.experiments.lift.SegmentStatistics;
import io.triangulate.experiments.pipeline.CampaignSpendReader;
import io.triangulate.experiments.pipeline.ExperimentLiftWriter;
import io.triangulate.experiments.pipeline.ExperimentStatsReader;
import io.triangulate.experiments.stats.ConfidenceLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code triangulate experiments --ds D}: the pipeline task that turns the day's experiment
 * statistics into lift estimates with intervals. Thin shell: read marts, estimate, replace the day.
 */
@Command(
    name = "experiments",
    mixinStandardHelpOptions = true,
    description = {
      "Measured lift with confidence intervals per campaign and segment, cumulative to the day.",
      "",
      "Reads marts.fct_experiment_stats (treatment vs. control sufficient statistics) and campaign"
          + " spend from marts.fct_campaign_to_date; writes marts.experiment_lift: conversion rates,"
          + " absolute and relative lift, p-value, incremental conversions, orders and revenue scaled to"
          + " the treated members, and incremental ROAS (whole campaigns only). Re-running a day"
          + " replaces its rows.",
      ""
    })
public final class ExperimentsTaskCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private CommonOptions common;

  @Mixin private IntervalOption interval;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.95",
      description = "Two-sided confidence level of the intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double confidence;

  @Override
  public Integer call() {
    ConfidenceLevel level = confidenceLevel();
    LocalDate ds = interval.ds();
    try (Database db = common.openDatabase()) {
      new TaskRunLog(db.dsl()).record("experiments", ds, () -> estimateAndWrite(db.dsl(), ds, level));
      return 0;
    }
  }

  private TaskRunLog.Counts estimateAndWrite(DSLContext dsl, LocalDate ds, ConfidenceLevel level) {
    try {
      List<SegmentStatistics> statistics = ExperimentStatsReader.read(dsl, ds);
      Map<String, Double> spend = CampaignSpendReader.read(dsl, ds);

      LiftEstimator estimator = new LiftEstimator(level);
      List<SegmentLift> lifts = new ArrayList<>(statistics.size());
      for (SegmentStatistics segment : statistics) {
        Double campaignSpend = spend.get(segment.key().campaignId());
        OptionalDouble known = campaignSpend == null ? OptionalDouble.empty() : OptionalDouble.of(campaignSpend);
        lifts.add(estimator.estimate(segment, known));
      }
      int written = ExperimentLiftWriter.replace(dsl, ds, lifts);
      report(ds, lifts, written);
      return TaskRunLog.Counts.of(statistics.size(), written);
    } catch (DataAccessException e) {
      throw new TaskFailure(
          "experiments " + ds + ": database error: " + e.getMessage()
              + ". Check that 'triangulate build --ds " + ds + "' has run, then retry.",
          e);
    }
  }

  private void report(LocalDate ds, List<SegmentLift> lifts, int written) {
    long campaigns = lifts.stream().map(l -> l.key().campaignId()).distinct().count();
    long withNotes = 0;
    for (SegmentLift lift : lifts) {
      List<String> notes = lift.notes();
      if (!notes.isEmpty()) {
        withNotes++;
        Progress.info(lift.key() + ": " + String.join("; ", notes));
      }
    }
    Progress.info(
        String.format(
            "experiments %s: %d campaigns analysed, %d rows written to marts.experiment_lift%s",
            ds,
            campaigns,
            written,
            withNotes == 0 ? "" : " (" + withNotes + " with undefined values; reasons above)"));
  }

  private ConfidenceLevel confidenceLevel() {
    try {
      return new ConfidenceLevel(confidence);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--confidence must be strictly between 0 and 1 (e.g. 0.95), got " + confidence);
    }
  }
}
