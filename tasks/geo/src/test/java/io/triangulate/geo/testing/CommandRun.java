package io.triangulate.geo.testing;

import io.triangulate.core.cli.TaskFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command in-process as the launcher does (expected failures: one message, exit 1), capturing output. */
public record CommandRun(int exitCode, String out, String err) {

  public static CommandRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (!(ex instanceof TaskFailure)) {
            throw ex;
          }
          commandLine.getErr().println("error: " + ex.getMessage());
          return 1;
        });
    return new CommandRun(cli.execute(args), out.toString(), err.toString());
  }
}
