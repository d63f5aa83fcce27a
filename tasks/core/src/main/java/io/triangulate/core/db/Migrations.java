package io.triangulate.core.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the project's Flyway migrations (shipped in the jar under {@code sql/}). Mart model files
 * in the same tree are plain SELECTs whose names match no Flyway pattern, so Flyway skips them.
 */
public final class Migrations {

  private Migrations() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:sql").load().migrate();
  }
}
