package io.triangulate.core.db;

import io.triangulate.core.cli.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One run of a task per interval at a time. Two runs of the same task and day (a retried Airflow task
 * beside a manual one, say) would otherwise interleave their delete-then-insert and leave duplicated or
 * missing rows; a transaction-scoped advisory lock makes the second wait for the first and then redo
 * the day on top of it, which idempotent tasks turn into the same result as one run. The lock is
 * released by the commit or rollback, and by PostgreSQL when a killed client's session ends.
 */
public final class IntervalLock {

  private IntervalLock() {}

  /** Takes the (task, ds) lock in {@code c}'s current transaction, waiting (and saying so) if another run holds it. */
  public static void acquire(Connection c, String task, LocalDate ds) throws SQLException {
    if (call(c, "select pg_try_advisory_xact_lock(hashtext(?), ?)", task, ds)) {
      return;
    }
    Progress.info("another " + task + " of " + ds + " is running; waiting for it to finish");
    call(c, "select pg_advisory_xact_lock(hashtext(?), ?) is null", task, ds);
  }

  private static boolean call(Connection c, String sql, String task, LocalDate ds) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, "triangulate:" + task);
      st.setInt(2, Math.toIntExact(ds.toEpochDay()));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
