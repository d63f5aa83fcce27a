package io.triangulate.core.cli;

import io.triangulate.core.config.ConfigLoader;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.TaskRole;
import io.triangulate.core.run.Home;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command shares, as a Picocli mixin: where configs live and where local state
 * (embedded database, landing files) lives. The database itself is chosen by the environment:
 * {@code DATABASE_URL} (+ {@code DATABASE_USER}/{@code DATABASE_PASSWORD}) or the embedded one.
 */
public final class CommonOptions {

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description = "Folder with YAML configs (default: ${DEFAULT-VALUE}; files missing there fall back to bundled defaults).",
      defaultValue = "configs")
  private Path configDir;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Local state: embedded database, landing and truth files (default: $TRIANGULATE_HOME or ./.triangulate).")
  private Path home;

  public ConfigLoader configs() {
    return new ConfigLoader(configDir);
  }

  public Home home() {
    return home != null ? new Home(home.toAbsolutePath()) : Home.fromEnvironment(System.getenv());
  }

  private static volatile Database session;

  /**
   * Makes every {@link #openDatabase()} in this process return a borrowed handle on {@code db}
   * until {@link #endSession()}; used when one process runs many tasks.
   */
  public static void beginSession(Database db) {
    session = db;
  }

  public static void endSession() {
    session = null;
  }

  /** Opens (and migrates) the warehouse; the caller closes it. */
  public Database openDatabase() {
    Database shared = session;
    if (shared != null) {
      return shared.borrow();
    }
    Progress.info("opening database…");
    Database db = Database.open(home().root(), environment());
    Progress.info("using " + db.description());
    return db;
  }

  /**
   * Opens the warehouse (migrating it as the configured user) and connects as {@code role} when its
   * password is in the environment ({@link TaskRole#passwordVariable()}); the caller closes it.
   */
  public Database openDatabase(TaskRole role) {
    Database db = openDatabase();
    Database task = db.as(role, environment());
    if (task != db) {
      Progress.info("connected as " + role.roleName());
    }
    return task;
  }

  Map<String, String> environment() {
    return System.getenv();
  }
}
