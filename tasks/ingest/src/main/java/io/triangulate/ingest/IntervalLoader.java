package io.triangulate.ingest;

import io.triangulate.core.db.IntervalLock;
import io.triangulate.core.db.PlannerStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads every landing file of one interval in a single transaction: the interval's previous raw rows,
 * quarantine and reconciliation are replaced, so loading twice equals loading once, and a file that
 * cannot be read leaves the database as it was.
 */
public final class IntervalLoader {

  private final DataSource dataSource;

  public IntervalLoader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<FileReconciliation> load(Path landingDir, LocalDate ds, Consumer<FileReconciliation> progress) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<FileReconciliation> result = loadAll(c, landingDir, ds, progress);
        c.commit();
        return result;
      } catch (RuntimeException | IOException | SQLException e) {
        c.rollback();
        if (e instanceof LoadFailure lf) {
          throw lf.asTaskFailure(ds);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("load " + ds + " failed in the database: " + e.getMessage(), e);
    }
  }

  private List<FileReconciliation> loadAll(
      Connection c, Path landingDir, LocalDate ds, Consumer<FileReconciliation> progress)
      throws IOException, SQLException {
    IntervalLock.acquire(c, "load", ds);
    clearInterval(c, ds);
    DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES);
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    FileLoader loader = new FileLoader(c, copy, new KnownIds(c));
    List<FileReconciliation> results = new ArrayList<>();
    for (SourceSpec spec : Sources.ALL) {
      Path file = landingDir.resolve(spec.fileName());
      if (!Files.isRegularFile(file)) {
        continue;
      }
      FileReconciliation r = loader.load(spec, file, ds);
      record(c, ds, r);
      BrinSummaries.summarizeNew(dsl, spec.qualifiedTable());
      PlannerStatistics.analyzeSampled(dsl, spec.qualifiedTable());
      results.add(r);
      progress.accept(r);
    }
    return results;
  }

  private static void clearInterval(Connection c, LocalDate ds) throws SQLException {
    List<String> tables = new ArrayList<>();
    for (int i = Sources.ALL.size() - 1; i >= 0; i--) {
      tables.add(Sources.ALL.get(i).qualifiedTable());
    }
    tables.add("raw.load_quarantine");
    tables.add("raw.load_reconciliation");
    for (String table : tables) {
      try (PreparedStatement st = c.prepareStatement("delete from " + table + " where load_ds = ?")) {
        st.setObject(1, ds);
        st.executeUpdate();
      }
    }
  }

  private static void record(Connection c, LocalDate ds, FileReconciliation r) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into raw.load_reconciliation"
                + " (load_ds, source, file, rows_read, rows_loaded, rows_quarantined, rows_duplicate)"
                + " values (?, ?, ?, ?, ?, ?, ?)")) {
      st.setObject(1, ds);
      st.setString(2, r.source());
      st.setString(3, r.file());
      st.setLong(4, r.rowsRead());
      st.setLong(5, r.rowsLoaded());
      st.setLong(6, r.rowsQuarantined());
      st.setLong(7, r.rowsDuplicate());
      st.executeUpdate();
    }
  }
}
