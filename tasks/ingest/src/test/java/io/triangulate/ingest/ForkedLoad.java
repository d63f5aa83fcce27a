package io.triangulate.ingest;

import io.triangulate.core.db.Database;
import java.nio.file.Path;
import java.time.LocalDate;

/** The load task in a JVM of its own, for {@link LoadFaultIT} to kill -9: {@code <jdbc-url> <landing-dir> <ds>}. */
public final class ForkedLoad {

  private ForkedLoad() {}

  public static void main(String[] args) {
    try (Database db = Database.external(args[0], "postgres", null)) {
      new IntervalLoader(db.dataSource()).load(Path.of(args[1]), LocalDate.parse(args[2]), r -> {});
    }
    System.out.println("loaded");
  }
}
