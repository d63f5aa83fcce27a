package io.triangulate.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids that foreign keys may name: those already in raw plus those accepted earlier in the same load.
 * Read from the database once per source and load, on first use; memory is proportional to the
 * dimension (e.g. members), never to the event volume.
 *
 * <p>A process that loads day after day (a run, a backfill, the benchmark) keeps each source's ids
 * between loads with a fingerprint of the table they came from: the row count and the sum of a
 * 64-bit hash of every id. A later load computes the fingerprint again (one scan inside PostgreSQL)
 * and reads the ids afresh only if it differs, so a day that only references a million members no
 * longer ships them all to the JVM. Any change to the table, by this loader or anything else,
 * changes the fingerprint; a set this load extends leaves the cache when tracking starts.
 */
final class KnownIds {

  private record Snapshot(String fingerprint, Set<String> ids) {}

  /** Id sets read by earlier loads in this process, by database and table. */
  private static final Map<String, Snapshot> SNAPSHOTS = new ConcurrentHashMap<>();

  private final Connection connection;
  private final Map<String, Set<String>> bySource = new HashMap<>();

  KnownIds(Connection connection) {
    this.connection = connection;
  }

  boolean contains(String source, String id) {
    return ids(source).contains(id);
  }

  /** Records an id accepted by this load; the source must be {@link #track tracked}. */
  void add(String source, String id) {
    Set<String> ids = bySource.get(source);
    if (ids != null) {
      ids.add(id);
    }
  }

  /**
   * Starts tracking a source before its own file is loaded, so its new ids are seen by later files.
   * The set then no longer matches the fingerprint it was kept under, so it leaves the cache.
   */
  void track(String source) {
    ids(source);
    SNAPSHOTS.remove(cacheKey(Sources.byName(source)));
  }

  /** The source's ids: kept from an earlier load if the table's fingerprint is unchanged, else read. */
  Set<String> ids(String source) {
    Set<String> ids = bySource.get(source);
    if (ids == null) {
      SourceSpec spec = Sources.byName(source);
      String key = cacheKey(spec);
      String fingerprint = fingerprint(spec);
      Snapshot cached = SNAPSHOTS.get(key);
      if (cached != null && cached.fingerprint().equals(fingerprint)) {
        ids = cached.ids();
      } else {
        ids = read(spec);
        SNAPSHOTS.put(key, new Snapshot(fingerprint, ids));
      }
      bySource.put(source, ids);
    }
    return ids;
  }

  private String cacheKey(SourceSpec spec) {
    try {
      return connection.getMetaData().getURL() + "|" + spec.qualifiedTable();
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the connection's URL", e);
    }
  }

  private String fingerprint(SourceSpec spec) {
    String key = spec.key().get(0);
    // Identifiers come from the fixed source catalogue, never from input.
    try (PreparedStatement st = connection.prepareStatement(
        "select count(*) || ':' || coalesce(sum(hashtextextended(" + key + ", 0)), 0) from " + spec.qualifiedTable());
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not fingerprint known " + spec.name() + " ids", e);
    }
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
