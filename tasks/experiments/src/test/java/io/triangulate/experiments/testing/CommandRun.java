package io.triangulate.experiments.testing;

import io.triangulate.core.cli.TaskFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command in-process the way the {@code triangulate} launcher does, capturing its output. */
public record CommandRun(int exitCode, String out, String err) {

  public static CommandRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    // As in the launcher: an expected failure is one message, anything else a stack trace.
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (!(ex instanceof TaskFailure)) {
            throw ex;
          }
          commandLine.getErr().println("error: " + ex.getMessage());
          return 1;
        });
    int exitCode = cli.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
