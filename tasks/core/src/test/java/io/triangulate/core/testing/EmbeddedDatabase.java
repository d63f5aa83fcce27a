package io.triangulate.core.testing;

import io.triangulate.core.db.Database;
import io.triangulate.core.db.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, migrated PostgreSQL for one test class, in a temporary data directory:
 * {@code @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();}. It starts
 * before the class's {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods.
 */
public final class EmbeddedDatabase implements BeforeAllCallback, AfterAllCallback {

  private Path dir;
  private Database db;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("triangulate-test-pg");
    db = Database.embedded(dir.resolve("pg"), 0);
    Migrations.migrate(db.dataSource());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (db != null) {
      db.close();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  public Database database() {
    return db;
  }

  public DSLContext dsl() {
    return db.dsl();
  }

  public DataSource dataSource() {
    return db.dataSource();
  }
}
