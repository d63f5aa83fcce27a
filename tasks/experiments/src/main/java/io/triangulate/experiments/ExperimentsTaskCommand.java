package io.triangulate.experiments;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.IntervalOption;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.TaskRunLog;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.experiments.depth.AdjustedPValues;
import io.triangulate.experiments.depth.ArmCovariates;
import io.triangulate.experiments.depth.ExperimentsConfig;
import io.triangulate.experiments.depth.LaunchDesign;
import io.triangulate.experiments.depth.ReadoutEstimator;
import io.triangulate.experiments.depth.SegmentReadout;
import io.triangulate.experiments.lift.SegmentKey;
import io.triangulate.experiments.lift.LiftEstimator;
import io.triangulate.experiments.lift.SegmentLift;
import io.triangulate.experiments.lift.SegmentStatistics;
import io.triangulate.experiments.pipeline.CampaignPlanReader;
import io.triangulate.experiments.pipeline.CampaignSpendReader;
import io.triangulate.experiments.pipeline.CovariateReader;
import io.triangulate.experiments.pipeline.ExperimentDesignStore;
import io.triangulate.experiments.pipeline.ExperimentLiftWriter;
import io.triangulate.experiments.pipeline.ExperimentStatsReader;
import io.triangulate.experiments.stats.ConfidenceLevel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
          + " the treated members, and incremental ROAS (whole campaigns only). Beside them"
          + " (configs/experiments.yaml): CUPED-adjusted lift and variance reduction (covariate: each member's"
          + " orders of the advertiser in the marts.yaml pre_period_days before first exposure), the sample-ratio"
          + " check against the planned holdout share, the day's always-valid (mSPRT) interval and stopping"
          + " status, Benjamini-Hochberg and Holm adjusted p-values (a campaign's segments; the campaigns), the"
          + " Bayesian chance to beat control and expected loss, revenue per order and orders per member by the"
          + " delta method, and the LTV uplift (revenue per member over the observed days of the LTV window). On"
          + " a campaign's start day its design (MDE at the planned holdout, sizes and days for a target lift)"
          + " goes to marts.experiment_design. Re-running a day replaces its rows.",
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
    ExperimentsConfig settings = ExperimentsConfig.load(common.configs());
    MartsConfig.Experiments marts = MartsConfig.load(common.configs()).experiments();
    try (Database db = common.openDatabase()) {
      new TaskRunLog(db.dsl()).record("experiments", ds, () -> estimateAndWrite(db.dsl(), ds, level, settings, marts));
      return 0;
    }
  }

  private TaskRunLog.Counts estimateAndWrite(
      DSLContext dsl, LocalDate ds, ConfidenceLevel level, ExperimentsConfig settings, MartsConfig.Experiments marts) {
    try {
      long started = System.nanoTime();
      List<SegmentStatistics> statistics = ExperimentStatsReader.read(dsl, ds);
      Map<String, Double> spend = CampaignSpendReader.read(dsl, ds);

      LiftEstimator estimator = new LiftEstimator(level);
      List<SegmentLift> lifts = new ArrayList<>(statistics.size());
      for (SegmentStatistics segment : statistics) {
        Double campaignSpend = spend.get(segment.key().campaignId());
        OptionalDouble known = campaignSpend == null ? OptionalDouble.empty() : OptionalDouble.of(campaignSpend);
        lifts.add(estimator.estimate(segment, known));
      }
      long liftNanos = System.nanoTime() - started;

      // The read-outs beside the fixed-horizon lift (issue 11), timed separately.
      long depthStarted = System.nanoTime();
      Map<SegmentKey, ArmCovariates[]> covariates = CovariateReader.read(dsl, ds);
      Map<String, CampaignPlanReader.CampaignPlan> plans = CampaignPlanReader.read(dsl, ds);
      ReadoutEstimator readoutEstimator = new ReadoutEstimator(level, settings);
      Map<SegmentKey, SegmentReadout> readouts = new TreeMap<>();
      Map<SegmentKey, Double> pValues = new LinkedHashMap<>();
      for (SegmentLift lift : lifts) {
        ArmCovariates[] pair =
            covariates.getOrDefault(lift.key(), new ArmCovariates[] {ArmCovariates.EMPTY, ArmCovariates.EMPTY});
        CampaignPlanReader.CampaignPlan plan = plans.get(lift.key().campaignId());
        double share = plan == null ? Double.NaN : plan.holdoutShare();
        int horizon = plan == null ? 0 : ltvHorizonDays(plan, ds, marts.postCampaignDays(), settings.ltv().windowDays());
        readouts.put(lift.key(), readoutEstimator.estimate(
            new SegmentStatistics(lift.key(), lift.treated(), lift.control()), pair[0], pair[1], share, horizon));
        pValues.put(lift.key(), lift.conversions().pValue());
      }
      Map<SegmentKey, AdjustedPValues.Adjusted> adjusted =
          AdjustedPValues.adjust(pValues, settings.multipleTesting().alpha());
      List<LaunchDesign.Design> designs = new ArrayList<>();
      for (LaunchDesign.Inputs launch : ExperimentDesignStore.launches(dsl, ds, marts.prePeriodDays())) {
        designs.add(LaunchDesign.design(launch, settings.design()));
      }
      long depthNanos = System.nanoTime() - depthStarted;

      int written = ExperimentLiftWriter.replace(dsl, ds, lifts, readouts, adjusted);
      int designed = ExperimentDesignStore.replace(dsl, ds, designs);
      report(ds, lifts, written);
      reportDepth(ds, readouts, designed, liftNanos, depthNanos);
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

  /** Days of the LTV window observed on {@code ds}: start to min(ds, end + post days), at most the window. */
  static int ltvHorizonDays(CampaignPlanReader.CampaignPlan plan, LocalDate ds, int postCampaignDays, int windowDays) {
    LocalDate end = plan.endDate().plusDays(postCampaignDays);
    LocalDate last = ds.isBefore(end) ? ds : end;
    long days = ChronoUnit.DAYS.between(plan.startDate(), last) + 1;
    return (int) Math.max(0, Math.min(windowDays, days));
  }

  private void reportDepth(
      LocalDate ds, Map<SegmentKey, SegmentReadout> readouts, int designed, long liftNanos, long depthNanos) {
    List<String> flagged = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    readouts.forEach((key, r) -> {
      r.sampleRatio().filter(s -> s.pValue() < SRM_REPORT_ALPHA).ifPresent(s ->
          flagged.add(String.format("%s (p=%.2g)", key.campaignId(), s.pValue())));
      if (key.isWholeCampaign() && !SegmentReadout.CONTINUE.equals(r.sequentialStatus())) {
        stopped.add(key.campaignId() + " " + r.sequentialStatus());
      }
    });
    Progress.info(String.format(
        "experiments %s: read-outs (CUPED, SRM, sequential, BH/Holm, Bayesian, ratios, LTV) in %.0f ms"
            + " (lift itself %.0f ms), %d designs written%s%s",
        ds, depthNanos / 1e6, liftNanos / 1e6, designed,
        flagged.isEmpty() ? "" : "; sample-ratio mismatch (p < " + SRM_REPORT_ALPHA + "): " + String.join(", ", flagged),
        stopped.isEmpty() ? "" : "; sequential stop: " + String.join(", ", stopped)));
  }

  /** Only for the log line: decide flags with configs/decisions.yaml's srm_max_p_value. */
  private static final double SRM_REPORT_ALPHA = 0.001;

  private ConfidenceLevel confidenceLevel() {
    try {
      return new ConfidenceLevel(confidence);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--confidence must be strictly between 0 and 1 (e.g. 0.95), got " + confidence);
    }
  }
}
