package io.triangulate.cli;

import io.triangulate.core.db.Database;
import io.triangulate.core.cli.TaskFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code triangulate db serve} leaves under the home while it runs: {@code db-server.properties}
 * (pid, port, data directory) written once the server accepts connections and the schema is
 * migrated, and {@code db-server.log}. The file is the handle of the background server for
 * {@code db start}, {@code db status} and {@code db stop}; deleting it also stops the server.
 */
record DbServerState(long pid, int port, Path dataDir) {

  static final String FILE = "db-server.properties";
  static final String LOG = "db-server.log";
  static final String LOCK = "db-server.lock";
  static final int DEFAULT_PORT = 54329;
  static final String USER = "postgres";

  static Path file(Path home) {
    return home.resolve(FILE);
  }

  static Path log(Path home) {
    return home.resolve(LOG);
  }

  static Path lock(Path home) {
    return home.resolve(LOCK);
  }

  static Path dataDir(Path home) {
    return home.resolve("pgdata");
  }

  /** The state file's contents, if there is one (it may be stale: check {@link #processAlive()}). */
  static Optional<DbServerState> read(Path home) {
    Path file = file(home);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      return Optional.of(
          new DbServerState(
              Long.parseLong(p.getProperty("pid")), Integer.parseInt(p.getProperty("port")), Path.of(p.getProperty("data_dir"))));
    } catch (IOException | RuntimeException e) {
      // Half-written or hand-edited: treat as absent; the lock file still guards the data dir.
      return Optional.empty();
    }
  }

  /** Writes the file atomically, so readers never see half of it. */
  void write(Path home) {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("port", Integer.toString(port));
    p.setProperty("data_dir", dataDir.toString());
    p.setProperty("url", url());
    p.setProperty("user", USER);
    Path tmp = home.resolve(FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      p.store(out, "triangulate db serve: delete this file (or run 'triangulate db stop') to stop the server");
      Files.move(tmp, file(home), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file(home), e);
    }
  }

  static void delete(Path home) {
    try {
      Files.deleteIfExists(file(home));
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + file(home), e);
    }
  }

  String url() {
    return url(port);
  }

  static String url(int port) {
    return "postgresql://localhost:" + port + "/postgres";
  }

  /** Shell lines that point tasks at the server: {@code eval "$(triangulate db start)"}. */
  List<String> exports() {
    return List.of("export " + Database.URL_VARIABLE + "=" + url(), "export " + Database.USER_VARIABLE + "=" + USER);
  }

  boolean processAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** True when the server answers a real query (not just an open port). */
  boolean acceptsConnections() {
    return acceptsConnections(port);
  }

  static boolean acceptsConnections(int port) {
    Database db = Database.external("jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2&loginTimeout=3", USER, null);
    try (Connection c = db.connection(); var st = c.createStatement()) {
      return st.execute("select 1");
    } catch (SQLException e) {
      return false;
    }
  }

  /** Whether something already listens on the loopback port (ours or another program's). */
  static boolean portInUse(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Whether a {@code db serve} process holds the home's lock: it is starting or running, even
   * before it has written the state file.
   */
  static boolean lockHeld(Path home) {
    Path lock = lock(home);
    if (!Files.exists(lock)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
        FileLock held = channel.tryLock()) {
      return held == null;
    } catch (OverlappingFileLockException e) {
      return true; // held by this very process (db serve asking about itself)
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Stops a PostgreSQL left running on {@code dataDir} by a server process that was killed without
   * running its shutdown hook (kill -9, OOM killer); its pid is the first line of
   * {@code postmaster.pid}. SIGTERM asks PostgreSQL for a smart shutdown.
   */
  static void stopOrphanedPostmaster(Path dataDir, int timeoutSeconds, PrintWriter err) throws InterruptedException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    } catch (IOException | RuntimeException e) {
      return;
    }
    Optional<ProcessHandle> postmaster =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    if (postmaster.isPresent()) {
      err.println("stopping orphaned PostgreSQL (pid " + pid + ") left on " + dataDir);
      err.flush();
      postmaster.get().destroy();
      if (!waitForExit(postmaster.get(), timeoutSeconds)) {
        throw new TaskFailure("PostgreSQL (pid " + pid + ") did not stop within " + timeoutSeconds + " s");
      }
    }
  }

  static boolean waitForExit(ProcessHandle process, int timeoutSeconds) throws InterruptedException {
    try {
      process.onExit().get(timeoutSeconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }

  /** The last lines of the server log, for error messages. */
  static String logTail(Path home, int lines) {
    Path log = log(home);
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
