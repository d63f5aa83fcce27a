package io.triangulate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.db.Database;
import io.triangulate.core.db.Migrations;
import io.triangulate.core.db.TableChecksum;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into the load while it is writing: the task's JVM killed with SIGKILL in the middle
 * of COPY, the database stopped under it, and two loads of the same day at once. A reader polls the
 * raw tables during each fault and must never see a row of the interrupted load; the re-run must
 * succeed and leave raw byte-for-byte (by checksum) as a clean run does.
 */
class LoadFaultIT {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");
  private static final int EVENTS = 150_000;
  @TempDir static Path work;
  private static Path pgDir;
  private static Database db;
  private static Path landing;
  private static Map<String, String> empty;
  private static Map<String, String> clean;
  private static int faultsSurvived;

  @BeforeAll
  static void cleanRun() throws IOException {
    pgDir = work.resolve("pg");
    db = Database.embedded(pgDir, 0);
    Migrations.migrate(db.dataSource());
    landing = writeLanding(work.resolve("landing"));
    empty = raw();
    new IntervalLoader(db.dataSource()).load(landing, DS, r -> {});
    clean = raw();
    assertTrue(clean.get("raw.ad_events").startsWith(EVENTS + ":"), clean.get("raw.ad_events"));
    clearDay();
    assertEquals(empty, raw());
  }

  @AfterAll
  static void stop() {
    db.close();
    System.out.printf("load faults: %d injected and survived, 0 rows lost%n", faultsSurvived);
  }

  @Test
  void killMinus9InTheMiddleOfCopyLeavesNothingAndTheRerunEqualsACleanRun() throws Exception {
    String url = db.dataSource().getConnection().getMetaData().getURL();
    try (Reader reader = new Reader()) {
      Process load = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"),
              ForkedLoad.class.getName(), url, landing.toString(), DS.toString())
          .redirectErrorStream(true)
          .redirectOutput(work.resolve("forked-load.log").toFile())
          .start();
      long copied = waitForCopy(load, 20_000);
      load.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no rollback from the client
      assertTrue(load.waitFor(10, TimeUnit.SECONDS));
      assertEquals(137, load.exitValue(), "killed by SIGKILL");
      waitUntilNoOtherSessions();
      assertEquals(0, reader.maxSeen(), "a reader never saw a row of the killed load (killed after " + copied + " rows)");
    }
    assertEquals(empty, raw(), "nothing of the killed load is left");
    new IntervalLoader(db.dataSource()).load(landing, DS, r -> {});
    assertEquals(clean, raw(), "the re-run equals a clean run");
    clearDay();
    faultsSurvived++;
  }

  @Test
  void stoppingTheDatabaseMidLoadFailsTheLoadAndTheRerunEqualsACleanRun() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> load = pool.submit(() -> new IntervalLoader(db.dataSource()).load(landing, DS, r -> {}));
    long copied = waitForCopy(null, 20_000);
    db.close(); // pg_ctl stop while COPY is streaming
    Exception failure = assertThrows(Exception.class, () -> load.get(60, TimeUnit.SECONDS));
    pool.shutdown();
    db = Database.embedded(pgDir, 0);
    assertEquals(empty, raw(), "the load stopped after " + copied + " rows left nothing (" + failure.getCause() + ")");
    new IntervalLoader(db.dataSource()).load(landing, DS, r -> {});
    assertEquals(clean, raw(), "the re-run equals a clean run");
    clearDay();
    faultsSurvived++;
  }

  @Test
  void twoConcurrentLoadsOfTheSameDayWaitForEachOtherAndDuplicateNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Callable<List<FileReconciliation>> run = () -> new IntervalLoader(db.dataSource()).load(landing, DS, r -> {});
    Future<List<FileReconciliation>> first = pool.submit(run);
    waitForCopy(null, 20_000);
    Future<List<FileReconciliation>> second = pool.submit(run);
    List<FileReconciliation> a = first.get(120, TimeUnit.SECONDS);
    List<FileReconciliation> b = second.get(120, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(a, b, "the second load waited, then replaced the day: same counts, no 'duplicates' of the first");
    assertEquals(clean, raw(), "nothing duplicated");
    clearDay();
    faultsSurvived++;
  }

  /** Polls the interval's rows in raw from its own connection, the way a dashboard or the next task would. */
  private static final class Reader implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final Thread thread = new Thread(this::poll, "raw-reader");

    Reader() {
      thread.start();
    }

    private void poll() {
      DSLContext dsl = db.dsl();
      while (running.get()) {
        long n = dsl.fetchSingle(
            "select (select count(*) from raw.ad_events where load_ds = ?) + (select count(*) from raw.members where load_ds = ?)"
                + " + (select count(*) from raw.load_reconciliation where load_ds = ?)", DS, DS, DS).get(0, Long.class);
        max.accumulateAndGet(n, Math::max);
        polls.incrementAndGet();
      }
    }

    long maxSeen() {
      assertTrue(polls.get() > 0, "the reader polled");
      return max.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  /** Waits until a COPY into raw.ad_events has streamed some rows; returns how many. */
  private static long waitForCopy(Process process, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      Long rows = db.dsl().fetchOptional(
          "select tuples_processed from pg_stat_progress_copy p join pg_class c on c.oid = p.relid"
              + " where c.relname = 'ad_events' and tuples_processed > 10000").map(r -> r.get(0, Long.class)).orElse(null);
      if (rows != null) {
        return rows;
      }
      if (process != null && !process.isAlive()) {
        throw new AssertionError("the load ended before it could be killed (exit " + process.exitValue() + ")");
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no COPY into raw.ad_events within " + timeoutMillis + " ms");
  }

  /** PostgreSQL notices the killed client at its next read and rolls its transaction back. */
  private static void waitUntilNoOtherSessions() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (db.dsl().fetchSingle("select count(*) from pg_stat_activity where backend_type = 'client backend'"
          + " and pid <> pg_backend_pid() and state <> 'idle'").get(0, Long.class) == 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the killed load's session is still active");
  }

  private static Map<String, String> raw() {
    return TableChecksum.ofSchemas(db.dsl(), List.of("raw"));
  }

  /** Loading an empty landing folder replaces the day with nothing. */
  private static void clearDay() throws IOException {
    Path none = Files.createDirectories(work.resolve("none"));
    new IntervalLoader(db.dataSource()).load(none, DS, r -> {});
  }

  private static Path writeLanding(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("advertisers.csv"), "advertiser_id,advertiser_name,category\nA01,Acme,coffee\n");
    Files.writeString(dir.resolve("campaigns.csv"),
        "campaign_id,advertiser_id,campaign_name,channel,pricing_model,unit_price,daily_budget,start_date,end_date,holdout_share\n"
            + "C01,A01,Acme spring,email,CPM,10,100,2026-01-01,2026-01-30,0.2\n");
    StringBuilder members = new StringBuilder("member_id,region,age_band,loyalty_tier,signup_date\n");
    for (int m = 0; m < 1000; m++) {
      members.append("M").append(m).append(",north,25-34,gold,2025-06-01\n");
    }
    Files.writeString(dir.resolve("members.csv"), members);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("ad_events.csv"))) {
      w.write("event_id,event_ts,event_type,campaign_id,creative_id,member_id,cost\n");
      for (int e = 0; e < EVENTS; e++) {
        w.write(String.format("E%07d,2026-01-05T%02d:%02d:%02dZ,impression,C01,,M%d,0.0%d%n",
            e, e % 24, (e / 24) % 60, (e / 1440) % 60, (int) ((e * 7919L) % 1000), e % 10));
      }
    }
    return dir;
  }
}
