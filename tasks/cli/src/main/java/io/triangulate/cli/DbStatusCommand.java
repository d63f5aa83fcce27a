package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Tell whether the background PostgreSQL of this home is running.",
      "",
      "Running: prints the 'export DATABASE_URL=…' lines of 'db start', exits 0.",
      "Not running: says so and exits 3 (as pg_ctl status does)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:running and accepting connections", "3:not running (or not answering)"})
public final class DbStatusCommand implements Callable<Integer> {

  static final int NOT_RUNNING = 3;

  @Mixin private CommonOptions common;

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path home = common.home().root();
    Optional<DbServerState> state = DbServerState.read(home);
    var err = spec.commandLine().getErr();
    if (state.isEmpty()) {
      err.println(DbServerState.lockHeld(home)
          ? "starting: the server process holds " + DbServerState.lock(home) + " but is not ready yet"
          : "not running (no " + DbServerState.file(home) + ")");
      return NOT_RUNNING;
    }
    DbServerState s = state.get();
    if (!s.processAlive()) {
      err.println("not running: " + DbServerState.file(home) + " names pid " + s.pid() + ", which is gone"
          + " ('triangulate db start' cleans it up)");
      return NOT_RUNNING;
    }
    if (!s.acceptsConnections()) {
      err.println("not answering: pid " + s.pid() + " is alive but port " + s.port() + " refuses queries; see "
          + DbServerState.log(home));
      return NOT_RUNNING;
    }
    err.println("running: pid " + s.pid() + ", port " + s.port() + ", data in " + s.dataDir() + ", log "
        + DbServerState.log(home));
    s.exports().forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
