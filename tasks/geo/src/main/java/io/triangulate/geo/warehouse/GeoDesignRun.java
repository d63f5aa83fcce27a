package io.triangulate.geo.warehouse;

import io.triangulate.geo.design.GeoDesigner;
import io.triangulate.geo.stats.GeoPanel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The pipeline's geo test designs: for each planned test of staging.stg_geo_test_plans, on its
 * advertiser's market × week history before the test (marts.geo_weekly), the candidate treatment
 * sets of {@link GeoDesigner} plus the plan's own set, each with the power to detect the lift the
 * plan's intervention should cause: the intervention (spend × multiplier in the treated markets
 * over the test's length) applied to the candidate's recent spend gives a spend change, times an
 * assumed iROAS (a planner's prior) over the candidate's baseline revenue gives the lift. Ranked by
 * that power, then fit; replaces marts.geo_design in one transaction. The history is weekly, so the
 * placebo windows end one week apart (stride 1).
 */
public final class GeoDesignRun {

  /** One design row: a candidate (or the plan's set) for a planned test. */
  public record Row(
      GeoTestRun.Plan plan, int rank, boolean planned, GeoDesigner.Candidate candidate, double spendChange,
      double assumedIroas, LocalDate historyEnd) {}

  private GeoDesignRun() {}

  /** Designs for one plan on its pre-test history (pure). */
  public static List<Row> design(GeoTestRun.Plan plan, GeoPanel history, double assumedIroas, int candidates, int windows,
      double confidence, long seed) {
    int duration = (int) (ChronoUnit.DAYS.between(plan.start(), plan.end()) / 7 + 1);
    GeoDesigner.Options options = new GeoDesigner.Options(List.of(duration), 0.05, plan.treated().size(), candidates,
        windows, confidence, io.triangulate.geo.stats.GeoMethod.SC, Double.NaN, assumedIroas, seed, 1);
    List<List<String>> sets = new ArrayList<>();
    sets.add(plan.treated().stream().sorted().toList());
    for (GeoDesigner.Candidate c : GeoDesigner.candidateSets(history, options)) {
      List<String> set = c.treated().stream().sorted().toList();
      if (!sets.contains(set)) {
        sets.add(set);
      }
    }
    List<Row> rows = new ArrayList<>();
    LocalDate historyEnd = history.dates().get(history.dates().size() - 1);
    for (int s = 0; s < sets.size(); s++) {
      List<String> set = sets.get(s);
      double spendChange = (plan.spendMultiplier() - 1) * recent(history, set, duration, true);
      double baseline = recent(history, set, duration, false);
      double lift = baseline > 0 ? spendChange * assumedIroas / baseline : Double.NaN;
      GeoDesigner.Candidate c = GeoDesigner.evaluate(history, set, duration, lift, options);
      rows.add(new Row(plan, 0, s == 0, c, spendChange, assumedIroas, historyEnd));
    }
    rows.sort(Comparator.comparingDouble((Row r) -> -r.candidate().power())
        .thenComparingDouble(r -> r.candidate().fitError()));
    List<Row> ranked = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      ranked.add(new Row(plan, r + 1, row.planned(), row.candidate(), row.spendChange(), assumedIroas, historyEnd));
    }
    return ranked;
  }

  /** The set's total spend (or outcome) over the last {@code duration} periods of the history. */
  private static double recent(GeoPanel history, List<String> set, int duration, boolean spend) {
    double[][] m = spend ? history.spend() : history.outcome();
    int periods = history.dates().size();
    double sum = 0;
    for (String id : set) {
      double[] row = m[history.locationIndex(id)];
      for (int t = periods - duration; t < periods; t++) {
        sum += row[t];
      }
    }
    return sum;
  }

  /** Replaces marts.geo_design with {@code rows}. */
  public static void replace(DSLContext dsl, List<Row> rows) {
    dsl.transaction(tx -> {
      DSLContext t = tx.dsl();
      t.execute("delete from marts.geo_design");
      for (Row r : rows) {
        GeoDesigner.Candidate c = r.candidate();
        t.execute("insert into marts.geo_design (test_id, advertiser_id, channel, rank, planned, treated_markets,"
                + " duration_weeks, spend_multiplier, spend_change, share, fit_error, windows, assumed_iroas, lift, power,"
                + " mde, baseline, mde_incremental, history_end) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)",
            r.plan().testId(), r.plan().advertiserId(), r.plan().channel(), r.rank(), r.planned(),
            String.join(";", c.treated()), c.duration(), r.plan().spendMultiplier(), finite(r.spendChange()), c.share(),
            finite(c.fitError()), c.windows(), finite(r.assumedIroas()), finite(c.lift()), finite(c.power()),
            finite(c.mde()), finite(c.baseline()), finite(c.mdeIncremental()), r.historyEnd());
      }
    });
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
