package io.triangulate.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.testing.EmbeddedDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When statistics count as stale, and how small the sampled ANALYZE is, on a real PostgreSQL. */
class PlannerStatisticsIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  private static final String TABLE = "public.stats_probe";

  private DSLContext dsl;

  @BeforeEach
  void freshTable() {
    dsl = DB.dsl();
    dsl.execute("drop table if exists " + TABLE);
    dsl.execute("create table " + TABLE + " (x integer not null)");
  }

  @Test
  void neverAnalysedIsStaleEvenWhenNothingChanged() {
    assertTrue(PlannerStatistics.stale(dsl, TABLE, 0));
  }

  @Test
  void staleOnceMoreThanATenthOfTheCountedRowsChanged() {
    dsl.execute("insert into " + TABLE + " select g from generate_series(1, 10000) g");
    assertTrue(dsl.<Boolean>transactionResult(tx -> PlannerStatistics.analyzeIfStale(tx.dsl(), TABLE, 0)));
    // 10,000 rows fit in ~45 pages, so even the small sample reads them all: the count is exact.
    assertEquals(10_000.0, dsl.fetchSingle("select reltuples::float8 from pg_class where oid = ?::regclass", TABLE)
        .get(0, Double.class));
    // Right after ANALYZE nothing is modified: 1,000 changed rows is exactly a tenth, not more.
    assertFalse(PlannerStatistics.stale(dsl, TABLE, 1_000));
    assertFalse(dsl.<Boolean>transactionResult(tx -> PlannerStatistics.analyzeIfStale(tx.dsl(), TABLE, 1_000)));
    assertTrue(PlannerStatistics.stale(dsl, TABLE, 1_001));
  }

  @Test
  void sampledAnalyzeKeepsTenHistogramBucketsAndRestoresTheTarget() {
    dsl.execute("insert into " + TABLE + " select g from generate_series(1, 10000) g");
    dsl.transaction(tx -> PlannerStatistics.analyzeSampled(tx.dsl(), TABLE));
    int bounds = dsl.fetchSingle(
        "select cardinality(histogram_bounds::text::int[]) from pg_stats where schemaname = 'public'"
            + " and tablename = 'stats_probe' and attname = 'x'").get(0, Integer.class);
    assertEquals(PlannerStatistics.SAMPLED_TARGET + 1, bounds); // 10 buckets have 11 bounds
    assertEquals("100", dsl.fetchSingle("show default_statistics_target").get(0, String.class));
  }
}
