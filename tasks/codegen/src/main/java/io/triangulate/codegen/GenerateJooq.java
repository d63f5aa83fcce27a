package io.triangulate.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time step: migrates a throw-away embedded PostgreSQL with the project's Flyway scripts and
 * generates jOOQ classes from the real schema, so typed access can never drift from the DDL.
 *
 * <p>Arguments: {@code <sql root> <output dir> <package> <schema,schema,...>}. Flyway scans the whole
 * {@code sql/} tree; mart models there are plain SELECT files whose names do not match Flyway's
 * {@code V…}/{@code R…} patterns, so it ignores them.
 */
public final class GenerateJooq {

  private GenerateJooq() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: GenerateJooq <sql root> <output dir> <package> <schemas>, got " + Arrays.toString(args));
    }
    Path sqlRoot = Path.of(args[0]).toAbsolutePath();
    Path outputDir = Path.of(args[1]).toAbsolutePath();
    String packageName = args[2];
    String[] schemas = args[3].split(",");

    Path dataDir = Files.createTempDirectory("triangulate-codegen-pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).start()) {
      DataSource ds = pg.getPostgresDatabase();
      Flyway.configure()
          .dataSource(ds)
          .locations("filesystem:" + sqlRoot)
          .load()
          .migrate();
      try (Connection connection = ds.getConnection()) {
        GenerationTool tool = new GenerationTool();
        tool.setConnection(connection);
        tool.run(configuration(outputDir, packageName, schemas));
      }
    }
  }

  private static Configuration configuration(Path outputDir, String packageName, String[] schemas) {
    Database database = new Database().withName("org.jooq.meta.postgres.PostgresDatabase");
    for (String schema : schemas) {
      database.getSchemata().add(new SchemaMappingType().withInputSchema(schema.trim()));
    }
    return new Configuration()
        .withGenerator(
            new Generator()
                .withDatabase(database)
                .withGenerate(new Generate().withRecords(true).withPojos(false).withDaos(false))
                .withTarget(new Target().withPackageName(packageName).withDirectory(outputDir.toString())));
  }
}
