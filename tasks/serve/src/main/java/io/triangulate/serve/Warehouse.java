package io.triangulate.serve;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.triangulate.core.db.Database;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The warehouse behind the server, through a small connection pool: {@link Database#dsl()} opens
 * a connection per query, which costs a PostgreSQL backend start (milliseconds) on every request.
 */
public final class Warehouse implements AutoCloseable {

  private final HikariDataSource pool;
  private final DSLContext dsl;

  public Warehouse(Database db, int connections) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(db.dataSource());
    config.setMaximumPoolSize(connections);
    config.setMinimumIdle(Math.min(2, connections));
    config.setPoolName("triangulate-serve");
    this.pool = new HikariDataSource(config);
    this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
  }

  public DSLContext dsl() {
    return dsl;
  }

  @Override
  public void close() {
    pool.close();
  }
}
