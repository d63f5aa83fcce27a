package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.TableChecksum;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small simulated world through the real CLI and an embedded PostgreSQL, day by day. */
class PipelineIT {

  private static final List<String> DATA_SCHEMAS = List.of("raw", "truth", "marts");

  @BeforeAll
  static void quiet() {
    Progress.setQuiet(true);
  }

  private static TestWorld smallWorld(Path dir) {
    return TestWorld.create(dir, Map.of("members", "6000", "days", "16", "min_days", "8", "max_days", "12"));
  }

  private static Map<String, String> checksums(TestWorld world) {
    try (Database db = world.open()) {
      return TableChecksum.ofSchemas(db.dsl(), DATA_SCHEMAS);
    }
  }

  @Test
  void rerunningDaysAndBackfillingARangeLeaveIdenticalTables(@TempDir Path dir) {
    TestWorld world = smallWorld(dir);
    assertEquals(0, world.cli("run", "--from", "2026-01-05", "--to", "2026-01-16"));
    Map<String, String> once = checksums(world);

    try (Database db = world.open()) {
      DSLContext dsl = db.dsl();
      long lift = dsl.fetchSingle("select count(*) from marts.experiment_lift where ds = '2026-01-12'").get(0, Long.class);
      long decisions = dsl.fetchSingle("select count(*) from marts.campaign_decisions where ds = '2026-01-12'").get(0, Long.class);
      long exposures = dsl.fetchSingle("select count(*) from marts.fct_experiment_first_exposure").get(0, Long.class);
      long recon = dsl.fetchSingle("select count(*) from raw.load_reconciliation where rows_read <> rows_loaded + rows_quarantined + rows_duplicate").get(0, Long.class);
      long duplicates = dsl.fetchSingle("select coalesce(sum(rows_duplicate), 0) from raw.load_reconciliation").get(0, Long.class);
      assertTrue(lift > 0 && decisions > 0 && exposures > 0, "the pipeline produced lift, decisions and exposures");
      assertEquals(0, recon, "every file reconciles");
      assertTrue(duplicates > 0, "the simulator's duplicate event rows were counted as duplicates, not loaded");
    }

    // A backfill of a range in the middle, and a single task re-run, change nothing.
    assertEquals(0, world.cli("run", "--from", "2026-01-07", "--to", "2026-01-09"));
    assertEquals(0, world.cli("build", "--ds", "2026-01-10"));
    assertEquals(0, world.cli("load", "--ds", "2026-01-11"));
    assertEquals(once, checksums(world));

    // Experiment sums are carried forward from the previous day. Without that day they are
    // recounted over the flight, and must come out identical, to the last bit of the revenue sums.
    // The 16th is the first day of this world with repeat buyers, whose square terms need their
    // earlier orders.
    String stats = "select string_agg(s::text, '|' order by campaign_id, segment_type, segment_value, arm)"
        + " from marts.fct_experiment_stats s where ds = '2026-01-16'";
    String carried;
    try (Database db = world.open()) {
      carried = db.dsl().fetchSingle(stats).get(0, String.class);
      assertTrue(db.dsl().fetchSingle("select count(*) from marts.fct_experiment_stats where ds = '2026-01-16' and orders_sq > orders")
          .get(0, Long.class) > 0, "some arm has repeat buyers, so the square terms are exercised");
      db.dsl().execute("delete from marts.fct_experiment_stats where ds = '2026-01-15'");
    }
    assertEquals(0, world.cli("build", "--ds", "2026-01-16"));
    try (Database db = world.open()) {
      assertEquals(carried, db.dsl().fetchSingle(stats).get(0, String.class));
    }
    assertEquals(0, world.cli("build", "--ds", "2026-01-15"));
    assertEquals(once, checksums(world));
  }

  @Test
  void theSameSeedGivesTheSameWarehouseAndAnotherSeedDoesNot(@TempDir Path a, @TempDir Path b, @TempDir Path c) {
    TestWorld first = smallWorld(a);
    TestWorld second = smallWorld(b);
    TestWorld otherSeed = TestWorld.create(c, Map.of("members", "6000", "days", "16", "min_days", "8", "max_days", "12", "seed", "7"));
    for (TestWorld w : List.of(first, second, otherSeed)) {
      assertEquals(0, w.cli("run", "--from", "2026-01-05", "--to", "2026-01-07"));
    }
    Map<String, String> sums = checksums(first);
    assertEquals(sums, checksums(second));
    assertNotEquals(sums.get("raw.ad_events"), checksums(otherSeed).get("raw.ad_events"));
  }

  @Test
  void aTaskFailureExitsNonZeroAndSaysHowToRetry(@TempDir Path dir) {
    TestWorld world = smallWorld(dir);
    // No landing files were simulated for this day.
    assertEquals(1, world.cli("run", "--from", "2026-01-05", "--to", "2026-01-05", "--skip", "simulate"));
  }
}
