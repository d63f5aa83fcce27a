package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start the embedded PostgreSQL in the background, outliving this command.",
      "",
      "Uses the persistent data directory <home>/pgdata on a fixed localhost",
      "port, migrates it to the current schema, and prints the environment that",
      "points every task at it:",
      "",
      "  eval \"$(triangulate db start)\"    # sets DATABASE_URL, DATABASE_USER",
      "",
      "Separate processes (Airflow tasks, several shells) then share one",
      "warehouse. Run again while the server runs, it prints the same lines.",
      "The server's log is <home>/" + DbServerState.LOG + "; 'triangulate db stop' stops it."
    })
public final class DbStartCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DbServerState.DEFAULT_PORT,
      description = "TCP port on localhost (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
      description = "How long to wait for the server to accept connections (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    Path home = common.home().root();
    Optional<DbServerState> existing = DbServerState.read(home);
    if ((existing.isPresent() && existing.get().processAlive()) || DbServerState.lockHeld(home)) {
      DbServerState running = waitUntilReady(home, null);
      Progress.info("already running: pid " + running.pid() + ", port " + running.port() + ", data in " + running.dataDir());
      if (running.port() != port && spec.commandLine().getParseResult().hasMatchedOption("--port")) {
        Progress.info("(--port " + port + " ignored: stop the server first to move it)");
      }
      print(running);
      return 0;
    }
    if (existing.isPresent()) {
      Progress.info("removing stale " + DbServerState.file(home) + " (pid " + existing.get().pid() + " is gone)");
      DbServerState.delete(home);
    }
    // No server process owns this home (it holds no lock), so a PostgreSQL still running on its
    // data directory is the orphan of a killed one: stop it rather than fail on its port or lock.
    DbServerState.stopOrphanedPostmaster(DbServerState.dataDir(home), 60, spec.commandLine().getErr());
    if (port < 1 || port > 65535) {
      throw new TaskFailure("--port must be between 1 and 65535, got " + port);
    }
    if (DbServerState.portInUse(port)) {
      throw new TaskFailure("port " + port + " on localhost is already in use by another program;"
          + " pick a free one with --port, e.g. 'triangulate db start --port " + (port + 1) + "'");
    }
    Process child = spawn(home);
    Progress.info("starting PostgreSQL in the background (pid " + child.pid() + ", port " + port + ", log "
        + DbServerState.log(home) + ")…");
    DbServerState running = waitUntilReady(home, child);
    Progress.info("running: pid " + running.pid() + ", data in " + running.dataDir() + "; stop with 'triangulate db stop"
        + homeArg(home) + "'");
    print(running);
    return 0;
  }

  private Process spawn(Path home) {
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + home, e);
    }
    List<String> cmd = new ArrayList<>();
    // A session of its own: Ctrl-C in this terminal, or a process-group kill of whatever ran
    // 'db start' (an Airflow task, a test), must not take the server down with it.
    findOnPath("setsid").ifPresent(cmd::add);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(absoluteClassPath());
    cmd.add(Triangulate.class.getName());
    cmd.addAll(List.of("db", "serve", "--port", Integer.toString(port), "--home", home.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(DbServerState.log(home).toFile()));
    pb.redirectErrorStream(true);
    pb.environment().remove(Database.URL_VARIABLE);
    pb.environment().remove(Database.USER_VARIABLE);
    pb.environment().remove(Database.PASSWORD_VARIABLE);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the database server process: " + cmd, e);
    }
  }

  /** Waits for the server's state file and a successful query; fails early if the child died. */
  private DbServerState waitUntilReady(Path home, Process child) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<DbServerState> state = DbServerState.read(home);
      if (state.isPresent() && state.get().processAlive() && state.get().acceptsConnections()) {
        return state.get();
      }
      // setsid may fork and exit 0 at once; only a non-zero exit means the server failed.
      if (child != null && !child.isAlive() && child.exitValue() != 0) {
        throw new TaskFailure("the database server exited with code " + child.exitValue() + " before it was ready. Log ("
            + DbServerState.log(home) + "):\n" + DbServerState.logTail(home, 30));
      }
      Thread.sleep(250);
    }
    throw new TaskFailure("the database server did not accept connections within " + timeoutSeconds + " s. Log ("
        + DbServerState.log(home) + "):\n" + DbServerState.logTail(home, 30)
        + "\nretry with a longer --timeout, or stop it with 'triangulate db stop" + homeArg(home) + "'");
  }

  private void print(DbServerState state) {
    var out = spec.commandLine().getOut();
    state.exports().forEach(out::println);
    out.flush();
  }

  static String homeArg(Path home) {
    return " --home " + home;
  }

  private static String absoluteClassPath() {
    List<String> parts = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        parts.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  private static Optional<String> findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
