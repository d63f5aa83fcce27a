package io.triangulate.core.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies the project's Flyway migrations (shipped in the jar under {@code sql/}). Mart model files
 * in the same tree are plain SELECTs whose names match no Flyway pattern, so Flyway skips them.
 *
 * <p>Versions are numbered by layer (V1 raw, V2 truth, V3 marts, V4 ops), so a new raw migration
 * such as V1_4 sorts below an ops migration a warehouse already has. Out-of-order application lets
 * an existing warehouse take it; otherwise Flyway would refuse to start ("ignored migration").
 */
public final class Migrations {

  private Migrations() {}

  public static void migrate(DataSource dataSource) {
    configure(dataSource).load().migrate();
  }

  private static FluentConfiguration configure(DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:sql").outOfOrder(true);
  }
}
