package io.triangulate.core.run;

import static io.triangulate.db.ops.Tables.TASK_RUNS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The operations log: one {@code ops.task_runs} row per task run, so an operator can see what ran
 * for which interval, when, how much it read and wrote, and why it failed.
 *
 * <p>{@link #start} inserts a {@code running} row, {@link #succeeded} or {@link #failed} completes
 * it. Each statement runs on its own connection in auto-commit, outside the task's transaction, so
 * a failed task that rolled its own work back still leaves its {@code failed} row. A process
 * killed in between leaves {@code running} with no {@code finished_at}. Usually a task calls
 * {@link #record}, which does all three around its work:
 *
 * <pre>{@code
 * new TaskRunLog(db.dsl()).record("build", ds, () -> {
 *   ... // the task's work
 *   return new TaskRunLog.Counts(rowsRead, rowsWritten, "6 models");
 * });
 * }</pre>
 *
 * <p>Timestamps come from the clock given (the system clock in UTC by default). The table lives in
 * {@code ops}, never in {@code marts}, because these rows differ on every run by nature.
 */
public final class TaskRunLog {

  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  /** Longest message kept; longer ones are cut with an ellipsis. */
  static final int MAX_MESSAGE = 4000;

  /** What a finished task reports: rows read and written (null if it cannot tell), and a summary. */
  public record Counts(Long rowsRead, Long rowsWritten, String message) {

    public static Counts of(long rowsRead, long rowsWritten) {
      return new Counts(rowsRead, rowsWritten, null);
    }

    public static Counts of(long rowsRead, long rowsWritten, String message) {
      return new Counts(rowsRead, rowsWritten, message);
    }

    /** For tasks that only write (a simulator, a model fit that reads a handful of rows). */
    public static Counts written(long rowsWritten, String message) {
      return new Counts(null, rowsWritten, message);
    }
  }

  /** A task's work, returning its counts; any exception marks the run failed and propagates. */
  @FunctionalInterface
  public interface Work {
    Counts run() throws Exception;
  }

  private final DSLContext dsl;
  private final Clock clock;

  public TaskRunLog(DSLContext dsl) {
    this(dsl, Clock.systemUTC());
  }

  public TaskRunLog(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Inserts a {@code running} row and returns its run id. {@code ds} may be null (no interval). */
  public long start(String task, LocalDate ds) {
    Objects.requireNonNull(task, "task");
    return dsl.insertInto(TASK_RUNS)
        .set(TASK_RUNS.TASK, task)
        .set(TASK_RUNS.DS, ds)
        .set(TASK_RUNS.STARTED_AT, now())
        .set(TASK_RUNS.STATUS, RUNNING)
        .returning(TASK_RUNS.RUN_ID)
        .fetchSingle()
        .getRunId();
  }

  public void succeeded(long runId, Counts counts) {
    finish(runId, SUCCEEDED, counts.rowsRead(), counts.rowsWritten(), counts.message());
  }

  /** Marks the run failed with the message a person needs: what failed and how to retry. */
  public void failed(long runId, String message) {
    finish(runId, FAILED, null, null, message);
  }

  /**
   * Runs {@code work} between a {@code running} row and its outcome. On failure the row gets the
   * exception's message and the exception propagates unchanged (checked ones wrapped in a
   * {@link RuntimeException}); a failure to write the row never hides the task's own exception.
   */
  public Counts record(String task, LocalDate ds, Work work) {
    long runId = start(task, ds);
    Counts counts;
    try {
      counts = Objects.requireNonNull(work.run(), "the task returned no counts");
    } catch (Exception | Error e) {
      try {
        failed(runId, describe(e));
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new RuntimeException(e.getMessage(), e);
    }
    succeeded(runId, counts);
    return counts;
  }

  private void finish(long runId, String status, Long rowsRead, Long rowsWritten, String message) {
    int updated =
        dsl.update(TASK_RUNS)
            .set(TASK_RUNS.FINISHED_AT, now())
            .set(TASK_RUNS.STATUS, status)
            .set(TASK_RUNS.ROWS_READ, rowsRead)
            .set(TASK_RUNS.ROWS_WRITTEN, rowsWritten)
            .set(TASK_RUNS.MESSAGE, truncate(message))
            .where(TASK_RUNS.RUN_ID.eq(runId))
            .execute();
    if (updated != 1) {
      throw new IllegalStateException("ops.task_runs has no run " + runId);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }

  static String truncate(String message) {
    if (message == null || message.length() <= MAX_MESSAGE) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
