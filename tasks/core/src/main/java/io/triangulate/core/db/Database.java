package io.triangulate.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The warehouse connection. With {@code DATABASE_URL} set it is that server; otherwise an embedded
 * PostgreSQL whose data directory persists under the Triangulate home, so separate commands see
 * the same data. Closing it stops the embedded server (a server started with {@code db start}
 * is reached through {@code DATABASE_URL} instead and keeps running).
 */
public final class Database implements AutoCloseable {

  public static final String URL_VARIABLE = "DATABASE_URL";
  public static final String USER_VARIABLE = "DATABASE_USER";
  public static final String PASSWORD_VARIABLE = "DATABASE_PASSWORD";

  private final DataSource dataSource;
  private final EmbeddedPostgres embedded;
  private final String description;

  private Database(DataSource dataSource, EmbeddedPostgres embedded, String description) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.description = description;
  }

  /** Opens the database the environment points at, migrating it to the current schema. */
  public static Database open(Path home, Map<String, String> environment) {
    Optional<String> url = Optional.ofNullable(environment.get(URL_VARIABLE)).filter(s -> !s.isBlank());
    Database db =
        url.isPresent()
            ? external(url.get(), environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE))
            : embedded(home.resolve("pgdata"), 0);
    Migrations.migrate(db.dataSource());
    return db;
  }

  /** A server reached by JDBC URL; credentials come from the environment, never from files. */
  public static Database external(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(JdbcUrls.toJdbc(url));
    if (user != null && !user.isBlank()) {
      ds.setUser(user);
    }
    if (password != null && !password.isBlank()) {
      ds.setPassword(password);
    }
    return new Database(ds, null, "PostgreSQL at " + JdbcUrls.redact(url));
  }

  /** An embedded server on {@code dataDir} (kept between runs); port 0 picks a free port. */
  public static Database embedded(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // initdb would take the machine's locale: text would then sort differently from one
              // machine to the next (and be SQL_ASCII where LANG is unset). Byte order ("C") is the
              // same everywhere, and equals C.UTF-8's code-point order; it also lets PostgreSQL
              // compare ids with memcmp instead of strcoll and sort text with abbreviated keys,
              // which the id-keyed primary keys and mart sorts do millions of times a day. Only a
              // new data folder takes these; an existing one keeps the locale it was made with.
              .setLocaleConfig("lc-collate", "C")
              .setLocaleConfig("encoding", "UTF8")
              // Bulk loads and mart rebuilds are the workload: give them memory, skip durability
              // work that a local, re-creatable warehouse does not need.
              // Loopback only, whatever a postgresql.conf default might become: the warehouse is
              // local, and initdb's trust authentication must never face a network.
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("max_wal_size", "2GB")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("work_mem", "64MB")
              .setServerConfig("maintenance_work_mem", "256MB")
              .setServerConfig("shared_buffers", "256MB")
              // The loader's ANALYZE and BRIN summarisation need a lock that autovacuum (woken by the
              // load's own inserts) may hold; PostgreSQL cancels the autovacuum only once the waiter
              // has waited deadlock_timeout, 1 s by default, which stalled whole files.
              .setServerConfig("deadlock_timeout", "100ms");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres pg = builder.start();
      requirePasswordsForTaskRoles(pg, dataDir);
      return new Database(
          pg.getPostgresDatabase(), pg, "embedded PostgreSQL in " + dataDir + " (port " + pg.getPort() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /**
   * The same server as {@code role}, when the environment holds the role's password
   * ({@link TaskRole#passwordVariable()}); otherwise this handle unchanged. The role (created by
   * migration without login) is given LOGIN and that password first, over this handle's (owner's)
   * connection; PgJDBC hashes the password (SCRAM) on the client, so it never travels as SQL text.
   * The returned handle owns this one's embedded server: close it instead of this one.
   */
  public Database as(TaskRole role, Map<String, String> environment) {
    String password = environment.get(role.passwordVariable());
    if (password == null || password.isBlank()) {
      return this;
    }
    String url;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
      try (var st = c.createStatement()) {
        st.execute("alter role " + role.roleName() + " login"); // a fixed identifier, never input
      }
      c.unwrap(org.postgresql.PGConnection.class).alterUserPassword(role.roleName(), password.toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      throw new IllegalStateException("could not enable the database role " + role.roleName() + ": " + e.getMessage(), e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(role.roleName());
    ds.setPassword(password);
    return new Database(ds, embedded, description + " as " + role.roleName());
  }

  private static final String HBA_MARKER = "# triangulate: task roles authenticate with a password";

  /**
   * initdb (as zonky runs it) trusts every loopback connection. The embedded owner keeps that (zonky
   * connects without a password to check the server is up), but the task roles must prove who they
   * are: their pg_hba.conf lines, put first, ask for a SCRAM password.
   */
  private static void requirePasswordsForTaskRoles(EmbeddedPostgres pg, Path dataDir) throws IOException {
    Path hba = dataDir.resolve("pg_hba.conf");
    String current = Files.readString(hba);
    if (current.contains(HBA_MARKER)) {
      return;
    }
    StringBuilder lines = new StringBuilder(HBA_MARKER).append('\n');
    for (String address : new String[] {"127.0.0.1/32", "::1/128"}) {
      for (TaskRole role : TaskRole.values()) {
        lines.append("host all ").append(role.roleName()).append(' ').append(address).append(" scram-sha-256\n");
      }
    }
    Files.writeString(hba, lines + current);
    try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
      st.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("could not reload pg_hba.conf: " + e.getMessage(), e);
    }
  }

  /**
   * A handle on the same server whose {@link #close()} does nothing: lets commands run in-process
   * by {@code triangulate run} share one database instead of each starting their own.
   */
  public Database borrow() {
    return new Database(dataSource, null, description);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String description() {
    return description;
  }

  /** A jOOQ context on a fresh connection from the pool-less data source. */
  public DSLContext dsl() {
    return DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
      }
    }
  }
}
