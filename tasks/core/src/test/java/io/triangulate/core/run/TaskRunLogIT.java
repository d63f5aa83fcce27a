package io.triangulate.core.run;

import static io.triangulate.db.ops.Tables.TASK_RUNS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.db.ops.tables.records.TaskRunsRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.triangulate.core.testing.EmbeddedDatabase;

/** Records task runs in a real (embedded) PostgreSQL, with a clock that ticks on demand. */
class TaskRunLogIT {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");
  private static final Instant T0 = Instant.parse("2026-01-06T02:00:00Z");
  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  private static DSLContext dsl;

  @BeforeAll
  static void start() {
    dsl = DB.dsl();
  }

  @BeforeEach
  void empty() {
    dsl.truncate(TASK_RUNS).execute();
  }

  /** Returns the given instants in turn, one per call: start, then finish. */
  private static Clock ticking(Instant... instants) {
    Deque<Instant> queue = new ArrayDeque<>(List.of(instants));
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return queue.removeFirst();
      }
    };
  }

  private static TaskRunsRecord only() {
    List<TaskRunsRecord> rows = dsl.selectFrom(TASK_RUNS).fetch();
    assertEquals(1, rows.size(), "rows in ops.task_runs");
    return rows.get(0);
  }

  @Test
  void startInsertsARunningRowAndSucceededCompletesIt() {
    TaskRunLog log = new TaskRunLog(dsl, ticking(T0, T0.plusSeconds(42)));
    long runId = log.start("build", DS);

    TaskRunsRecord running = only();
    assertEquals(runId, running.getRunId());
    assertEquals("build", running.getTask());
    assertEquals(DS, running.getDs());
    assertEquals(OffsetDateTime.parse("2026-01-06T02:00:00Z").toInstant(), running.getStartedAt().toInstant());
    assertEquals(TaskRunLog.RUNNING, running.getStatus());
    assertNull(running.getFinishedAt());
    assertNull(running.getRowsRead());

    log.succeeded(runId, new TaskRunLog.Counts(1200L, 34L, "6 models"));

    TaskRunsRecord done = only();
    assertEquals(TaskRunLog.SUCCEEDED, done.getStatus());
    assertEquals(T0.plusSeconds(42), done.getFinishedAt().toInstant());
    assertEquals(1200L, done.getRowsRead());
    assertEquals(34L, done.getRowsWritten());
    assertEquals("6 models", done.getMessage());
  }

  @Test
  void recordMarksSuccessWithTheWorksCounts() {
    TaskRunLog log = new TaskRunLog(dsl, ticking(T0, T0.plusSeconds(5)));
    TaskRunLog.Counts counts = log.record("load", DS, () -> TaskRunLog.Counts.of(10, 9));

    assertEquals(TaskRunLog.Counts.of(10, 9), counts);
    TaskRunsRecord row = only();
    assertEquals("load", row.getTask());
    assertEquals(TaskRunLog.SUCCEEDED, row.getStatus());
    assertEquals(10L, row.getRowsRead());
    assertEquals(9L, row.getRowsWritten());
    assertNull(row.getMessage());
    assertEquals(T0.plusSeconds(5), row.getFinishedAt().toInstant());
  }

  @Test
  void recordMarksFailureWithTheMessageAndRethrowsTheSameException() {
    TaskRunLog log = new TaskRunLog(dsl, ticking(T0, T0.plusSeconds(3)));
    TaskFailure failure = new TaskFailure("build 2026-01-05: model fct_x failed; retry with: triangulate build --ds 2026-01-05");

    TaskFailure thrown = assertThrows(TaskFailure.class, () -> log.record("build", DS, () -> {
      throw failure;
    }));

    assertSame(failure, thrown);
    TaskRunsRecord row = only();
    assertEquals(TaskRunLog.FAILED, row.getStatus());
    assertEquals(failure.getMessage(), row.getMessage());
    assertNull(row.getRowsWritten());
    assertEquals(T0.plusSeconds(3), row.getFinishedAt().toInstant());
  }

  @Test
  void checkedExceptionsAreWrappedAndMessagelessOnesNamedByClass() {
    TaskRunLog log = new TaskRunLog(dsl);
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> log.record("load", DS, () -> {
      throw new IOException("landing/2026-01-05/ad_events.csv: no such file");
    }));
    assertTrue(thrown.getCause() instanceof IOException);
    assertEquals("landing/2026-01-05/ad_events.csv: no such file", only().getMessage());

    dsl.truncate(TASK_RUNS).execute();
    assertThrows(IllegalStateException.class, () -> log.record("decide", DS, () -> {
      throw new IllegalStateException();
    }));
    assertEquals("java.lang.IllegalStateException", only().getMessage());
  }

  @Test
  void eachRunGetsItsOwnRowAndIntervalMayBeAbsent() {
    TaskRunLog log = new TaskRunLog(dsl);
    log.record("build", DS, () -> TaskRunLog.Counts.of(1, 1));
    log.record("build", DS, () -> TaskRunLog.Counts.of(1, 1));
    log.record("evaluate", null, () -> TaskRunLog.Counts.written(12, "12 campaigns scored"));

    List<TaskRunsRecord> rows = dsl.selectFrom(TASK_RUNS).orderBy(TASK_RUNS.RUN_ID).fetch();
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).getRunId() < rows.get(1).getRunId());
    assertNull(rows.get(2).getDs());
    assertNull(rows.get(2).getRowsRead());
    assertEquals(12L, rows.get(2).getRowsWritten());
    assertEquals("12 campaigns scored", rows.get(2).getMessage());
    assertTrue(rows.stream().allMatch(r -> TaskRunLog.SUCCEEDED.equals(r.getStatus())));
    assertTrue(rows.stream().noneMatch(r -> r.getFinishedAt().isBefore(r.getStartedAt())));
  }

  @Test
  void longMessagesAreCutToTheLimit() {
    TaskRunLog log = new TaskRunLog(dsl);
    long runId = log.start("build", DS);
    log.failed(runId, "x".repeat(TaskRunLog.MAX_MESSAGE + 500));
    String kept = only().getMessage();
    assertEquals(TaskRunLog.MAX_MESSAGE, kept.length());
    assertTrue(kept.endsWith("…"));
  }

  @Test
  void finishingAnUnknownRunFails() {
    TaskRunLog log = new TaskRunLog(dsl);
    assertThrows(IllegalStateException.class, () -> log.succeeded(999_999L, TaskRunLog.Counts.of(0, 0)));
  }
}
