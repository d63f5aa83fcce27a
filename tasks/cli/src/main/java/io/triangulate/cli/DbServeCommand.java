package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The background server itself (started by {@code db start}, not meant to be typed): holds the
 * embedded PostgreSQL open on a fixed port until SIGTERM/SIGINT or until its state file is
 * deleted, then shuts PostgreSQL down cleanly.
 */
@Command(
    name = "serve",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded PostgreSQL in the foreground (used by 'db start').",
      "",
      "Stops on SIGTERM/SIGINT or when <home>/" + DbServerState.FILE + " is deleted."
    })
public final class DbServeCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DbServerState.DEFAULT_PORT,
      description = "TCP port on localhost (default: ${DEFAULT-VALUE}).")
  private int port;

  @Override
  public Integer call() throws InterruptedException {
    Path home = common.home().root();
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + home, e);
    }
    try (FileChannel channel =
            FileChannel.open(DbServerState.lock(home), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new TaskFailure("another 'triangulate db serve' holds " + DbServerState.lock(home)
            + "; see 'triangulate db status --home " + home + "'");
      }
      serve(home);
    } catch (IOException e) {
      throw new UncheckedIOException("could not lock " + DbServerState.lock(home), e);
    }
    return 0;
  }

  private void serve(Path home) throws InterruptedException {
    Path dataDir = DbServerState.dataDir(home);
    log("starting PostgreSQL on port " + port + " with data in " + dataDir);
    Database db = Database.embedded(dataDir, port);
    AtomicBoolean closed = new AtomicBoolean();
    Runnable shutdown =
        () -> {
          if (closed.compareAndSet(false, true)) {
            log("stopping PostgreSQL");
            DbServerState.delete(home);
            db.close();
            log("stopped");
          }
        };
    Thread hook = new Thread(shutdown, "triangulate-db-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      // Migrate once here, so the first tasks that connect do not race each other on Flyway.
      Migrations.migrate(db.dataSource());
      DbServerState state = new DbServerState(ProcessHandle.current().pid(), port, dataDir);
      state.write(home);
      log("ready: " + state.url() + " (user " + DbServerState.USER + ")");
      while (Files.exists(DbServerState.file(home))) {
        Thread.sleep(500);
      }
      log(DbServerState.file(home) + " was removed");
    } finally {
      shutdown.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or ran: nothing to undo
      }
    }
  }

  private static void log(String message) {
    System.err.println(Instant.now() + " db serve: " + message);
  }
}
