package io.triangulate.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing warehouse takes migrations numbered below the ones it already has. */
class MigrationsTest {

  /** The migrations of the first release: every layer at its first version, ops last. */
  private static final List<String> FIRST_RELEASE = List.of(
      "raw/V1_0__raw_landing.sql", "raw/V1_1__brin_load_ds.sql", "truth/V2_0__truth.sql",
      "marts/schema/V3_0__marts.sql", "ops/V4_0__ops.sql", "staging/R__staging_views.sql");

  @Test
  void aWarehouseOfTheFirstReleaseTakesTheLowerNumberedMigrationsAddedSince(@TempDir Path dir) throws IOException {
    Path firstRelease = Files.createDirectories(dir.resolve("first-release"));
    for (String file : FIRST_RELEASE) {
      try (InputStream in = MigrationsTest.class.getResourceAsStream("/sql/" + file)) {
        Files.copy(in, firstRelease.resolve(Path.of(file).getFileName()));
      }
    }
    try (Database db = Database.embedded(Files.createDirectories(dir.resolve("pg")), 0)) {
      Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + firstRelease).load().migrate();
      assertEquals(0, count(db, "select count(*) from information_schema.tables where table_schema = 'raw' and table_name = 'tv_airings'"));

      Migrations.migrate(db.dataSource());

      assertEquals(1, count(db, "select count(*) from information_schema.tables where table_schema = 'raw' and table_name = 'tv_airings'"),
          "raw.tv_airings (V1_2) applied after V4_0");
      assertTrue(count(db, "select count(*) from flyway_schema_history where version like '3.%' and version <> '3.0'") >= 1,
          "later marts migrations applied");
      assertTrue(db.dsl().fetchSingle("select bool_and(success) from flyway_schema_history").get(0, Boolean.class));
    }
  }

  private static int count(Database db, String sql) {
    return db.dsl().fetchSingle(sql).get(0, Integer.class);
  }
}
