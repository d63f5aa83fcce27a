package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.TaskFailure;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stop the background PostgreSQL of this home cleanly.",
      "",
      "A fast shutdown: open sessions are rolled back, committed data stays in",
      "<home>/pgdata. Stopping a server that is not running is not an error."
    })
public final class DbStopCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for the server to exit (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    Path home = common.home().root();
    var err = spec.commandLine().getErr();
    Optional<DbServerState> state = DbServerState.read(home);
    if (state.isPresent() && state.get().processAlive()) {
      ProcessHandle server = ProcessHandle.of(state.get().pid()).orElseThrow();
      server.destroy(); // SIGTERM: the server's shutdown hook stops PostgreSQL, then removes the file
      if (!waitForExit(server)) {
        throw new TaskFailure("the database server (pid " + server.pid() + ") did not stop within " + timeoutSeconds
            + " s; see " + DbServerState.log(home) + ", then retry 'triangulate db stop --home " + home + "'");
      }
    } else if (state.isEmpty() && DbServerState.lockHeld(home)) {
      throw new TaskFailure("the database server is still starting (" + DbServerState.lock(home)
          + " is held); retry in a few seconds");
    }
    DbServerState.delete(home);
    DbServerState.stopOrphanedPostmaster(DbServerState.dataDir(home), timeoutSeconds, err);
    err.println(state.isPresent() ? "stopped (port " + state.get().port() + ")" : "not running");
    return 0;
  }

  private boolean waitForExit(ProcessHandle process) throws InterruptedException {
    return DbServerState.waitForExit(process, timeoutSeconds);
  }
}
