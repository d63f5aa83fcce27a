package io.triangulate.core.db;

import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Keeps planner statistics fresh at a bounded cost. ANALYZE reads a sample spread over the whole
 * table, so its cost grows with history until the sample size caps it, and after a daily write it is
 * often the dearest statement of the day. Two levers: a smaller sample ({@link #SAMPLED_TARGET}), and
 * refreshing only when the rows changed since the last ANALYZE exceed {@link #STALE_SHARE} of the
 * rows it counted (as autovacuum judges staleness), while a table never analysed, or one that grew
 * quickly (the first days of a warehouse), is still analysed at once.
 */
public final class PlannerStatistics {

  /** Share of the counted rows that may change before the statistics count as stale. */
  public static final double STALE_SHARE = 0.1;

  /**
   * Statistics target of {@link #analyzeSampled}: ANALYZE reads 300 rows per unit of target, so 10
   * samples 3,000 rows instead of the default 30,000. That is plenty for what the daily models ask
   * of a landing table (how many rows the day holds, how many distinct ids), at an eighth of the
   * cost.
   */
  public static final int SAMPLED_TARGET = 10;

  private PlannerStatistics() {}

  /**
   * Analyses {@code table} from a small sample; the target is reset afterwards. Call it inside a
   * transaction: {@code SET LOCAL} has no effect outside one, and a {@link DSLContext} on a plain
   * data source may run each statement on another connection. Used as is for landing tables, whose
   * newest day must be counted before the day's models plan against it (with stale statistics the
   * planner takes a new day for an empty one).
   */
  public static void analyzeSampled(DSLContext dsl, String table) {
    dsl.execute("set local default_statistics_target = " + SAMPLED_TARGET);
    dsl.execute("analyze " + table);
    dsl.execute("reset default_statistics_target");
  }

  /**
   * Analyses {@code table} (sampled) if its statistics are stale once {@code changedNow} more rows
   * are counted (rows this transaction changed, which the statistics views do not show until it
   * commits).
   * Returns whether it did. {@code table} must come from code, never from input.
   */
  public static boolean analyzeIfStale(DSLContext dsl, String table, long changedNow) {
    if (!stale(dsl, table, changedNow)) {
      return false;
    }
    analyzeSampled(dsl, table);
    return true;
  }

  /** Never analysed, or more than {@link #STALE_SHARE} of the counted rows changed since. */
  public static boolean stale(DSLContext dsl, String table, long changedNow) {
    Record r = dsl.fetchSingle(
        """
        select c.reltuples::double precision as counted,
               coalesce(s.n_mod_since_analyze, 0)::double precision as modified
        from pg_class c
        left join pg_stat_user_tables s on s.relid = c.oid
        where c.oid = ?::regclass""",
        table);
    double counted = r.get("counted", Double.class);
    return counted <= 0 || r.get("modified", Double.class) + changedNow > STALE_SHARE * counted;
  }
}
