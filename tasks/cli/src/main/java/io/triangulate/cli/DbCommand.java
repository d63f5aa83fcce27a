package io.triangulate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded PostgreSQL as a server that several processes share.",
      "",
      "Without DATABASE_URL, every command starts its own embedded PostgreSQL",
      "for its duration. Tasks run as separate processes (Airflow) need one",
      "server that stays up, on localhost:" + DbServerState.DEFAULT_PORT + " with data in <home>/pgdata:",
      "",
      "  eval \"$(triangulate db start)\"    # sets DATABASE_URL, DATABASE_USER",
      "  triangulate load --ds 2026-01-05   # tasks connect through them",
      "  triangulate db status",
      "  triangulate db stop"
    },
    subcommands = {DbStartCommand.class, DbStatusCommand.class, DbStopCommand.class, DbServeCommand.class})
public final class DbCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: name a subcommand: start, status or stop");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
