package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.FCT_EXPERIMENT_STATS;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.db.marts.tables.records.FctExperimentStatsRecord;
import io.triangulate.experiments.depth.ArmCovariates;
import io.triangulate.experiments.lift.SegmentKey;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Reads the day's CUPED and ratio sums of marts.fct_experiment_stats, paired by arm like {@link
 * ExperimentStatsReader}: index 0 treatment, 1 control; a missing arm, or a row written before these
 * columns existed (null), is {@link ArmCovariates#EMPTY}.
 */
public final class CovariateReader {

  private CovariateReader() {}

  public static Map<SegmentKey, ArmCovariates[]> read(DSLContext dsl, LocalDate ds) {
    Map<SegmentKey, ArmCovariates[]> arms = new TreeMap<>();
    for (FctExperimentStatsRecord row :
        dsl.selectFrom(FCT_EXPERIMENT_STATS).where(FCT_EXPERIMENT_STATS.DS.eq(ds)).fetch()) {
      SegmentKey key = new SegmentKey(row.getCampaignId(), row.getSegmentType(), row.getSegmentValue());
      ArmCovariates[] pair = arms.computeIfAbsent(key, k -> new ArmCovariates[] {ArmCovariates.EMPTY, ArmCovariates.EMPTY});
      int arm = ExperimentStatsReader.TREATMENT.equals(row.getArm()) ? 0 : 1;
      if (row.getPreOrders() == null) {
        continue; // a row written before the CUPED sums: no covariate, CUPED equals the unadjusted lift
      }
      try {
        pair[arm] = new ArmCovariates(
            row.getPreOrders(), value(row.getPreOrdersSq()), value(row.getPreOrdersXConverted()),
            value(row.getPreOrdersXOrders()), row.getRevenueXOrders() == null ? 0 : row.getRevenueXOrders().doubleValue());
      } catch (IllegalArgumentException e) {
        throw new TaskFailure(String.format(
            "marts.fct_experiment_stats for ds %s, %s arm %s: %s", ds, key, row.getArm(), e.getMessage()));
      }
    }
    return arms;
  }

  private static long value(Long v) {
    return v == null ? 0 : v;
  }

}
