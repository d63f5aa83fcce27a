package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.FCT_EXPERIMENT_STATS;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.db.marts.tables.records.FctExperimentStatsRecord;
import io.triangulate.experiments.lift.ArmTotals;
import io.triangulate.experiments.lift.SegmentKey;
import io.triangulate.experiments.lift.SegmentStatistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Reads the day's experiment sufficient statistics (one row per campaign × segment × arm) and pairs
 * the arms of each campaign segment. A segment with only one arm gets an empty other arm, so its
 * lift comes out undefined with a reason rather than vanishing.
 */
public final class ExperimentStatsReader {

  public static final String TREATMENT = "treatment";
  public static final String CONTROL = "control";

  private ExperimentStatsReader() {}

  /** Segments sorted by campaign, segment type and value. */
  public static List<SegmentStatistics> read(DSLContext dsl, LocalDate ds) {
    Map<SegmentKey, ArmTotals[]> arms = new TreeMap<>();
    for (FctExperimentStatsRecord row :
        dsl.selectFrom(FCT_EXPERIMENT_STATS).where(FCT_EXPERIMENT_STATS.DS.eq(ds)).fetch()) {
      SegmentKey key = new SegmentKey(row.getCampaignId(), row.getSegmentType(), row.getSegmentValue());
      ArmTotals[] pair = arms.computeIfAbsent(key, k -> new ArmTotals[] {ArmTotals.EMPTY, ArmTotals.EMPTY});
      pair[armIndex(row, ds)] = totals(row, key, ds);
    }
    List<SegmentStatistics> statistics = new ArrayList<>(arms.size());
    arms.forEach((key, pair) -> statistics.add(new SegmentStatistics(key, pair[0], pair[1])));
    return statistics;
  }

  private static int armIndex(FctExperimentStatsRecord row, LocalDate ds) {
    switch (row.getArm()) {
      case TREATMENT:
        return 0;
      case CONTROL:
        return 1;
      default:
        throw new TaskFailure(
            String.format(
                "marts.fct_experiment_stats for ds %s has arm '%s' (campaign %s); expected '%s' or '%s'."
                    + " Fix the mart model and re-run 'triangulate build --ds %s'.",
                ds, row.getArm(), row.getCampaignId(), TREATMENT, CONTROL, ds));
    }
  }

  private static ArmTotals totals(FctExperimentStatsRecord row, SegmentKey key, LocalDate ds) {
    try {
      return new ArmTotals(
          row.getMembers(),
          row.getConverters(),
          row.getOrders(),
          row.getOrdersSq(),
          row.getRevenue(),
          row.getRevenueSq());
    } catch (IllegalArgumentException e) {
      throw new TaskFailure(
          String.format(
              "marts.fct_experiment_stats for ds %s, %s arm %s: %s", ds, key, row.getArm(), e.getMessage()));
    }
  }
}
