package io.triangulate.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ids that foreign keys may name: those already in raw plus those accepted earlier in the same load.
 * Read from the database once per source and load, on first use; memory is proportional to the
 * dimension (e.g. members), never to the event volume.
 */
final class KnownIds {

  private final Connection connection;
  private final Map<String, Set<String>> bySource = new HashMap<>();

  KnownIds(Connection connection) {
    this.connection = connection;
  }

  boolean contains(String source, String id) {
    return ids(source).contains(id);
  }

  void add(String source, String id) {
    Set<String> ids = bySource.get(source);
    if (ids != null) {
      ids.add(id);
    }
  }

  /** Starts tracking a source before its file is loaded, so its new ids are seen by later files. */
  Set<String> ids(String source) {
    Set<String> ids = bySource.get(source);
    if (ids == null) {
      ids = read(Sources.byName(source));
      bySource.put(source, ids);
    }
    return ids;
  }

  private Set<String> read(SourceSpec spec) {
    String key = spec.key().get(0);
    // Identifiers come from the fixed source catalogue, never from input.
    try (PreparedStatement st = connection.prepareStatement("select " + key + " from " + spec.qualifiedTable())) {
      st.setFetchSize(50_000);
      Set<String> ids = new HashSet<>(estimatedRows(spec));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read known " + spec.name() + " ids", e);
    }
  }

  /**
   * The planner's row estimate, with room to spare: sizing the set once saves rehashing a million
   * ids as it grows.
   */
  private int estimatedRows(SourceSpec spec) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement("select greatest(reltuples, 0)::bigint from pg_class where oid = ?::regclass")) {
      st.setString(1, spec.qualifiedTable());
      try (ResultSet rs = st.executeQuery()) {
        long rows = rs.next() ? rs.getLong(1) : 0;
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(16, rows * 3 / 2));
      }
    }
  }
}
