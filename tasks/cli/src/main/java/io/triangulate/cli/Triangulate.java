package io.triangulate.cli;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code triangulate} command: one subcommand per pipeline task, plus tools for people. */
@Command(
    name = "triangulate",
    mixinStandardHelpOptions = true,
    version = "triangulate 0.1.0",
    description = {
      "Marketing measurement that separates what ads caused from what merely followed them:",
      "attribution, experiments and marketing mix models in one pipeline, scored against truth.",
      ""
    },
    subcommands = {
      // Pipeline tasks, in the order of configs/pipeline.yaml.
      io.triangulate.simulate.SimulateCommand.class,
      io.triangulate.ingest.LoadCommand.class,
      BuildCommand.class,
      io.triangulate.experiments.ExperimentsTaskCommand.class,
      io.triangulate.decide.DecideCommand.class,
      // Running the graph.
      RunCommand.class,
      DemoCommand.class,
      DbCommand.class,
      // Analyses of your own files.
      io.triangulate.experiments.ExperimentCommand.class,
      io.triangulate.geo.GeoCommand.class,
      io.triangulate.attribution.AttributeCommand.class,
      io.triangulate.mmm.MmmCommand.class,
      io.triangulate.mmm.OptimizeCommand.class,
      io.triangulate.uplift.UpliftCommand.class,
      ClosedLoopCommand.class,
      // Scoring and speed.
      io.triangulate.evaluate.EvaluateCommand.class,
      BenchmarkCommand.class,
      io.triangulate.serve.ServeCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Triangulate implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Picocli tolerates unmatched arguments when a help option is present, so {@code triangulate
   * atribute --help} printed the top-level help and exited 0. Refusing them here sends the mistake
   * to the parameter exception handler: the message, the "Did you mean" hint and exit code 2.
   */
  private static int refuseUnmatched(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (!p.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  /** The configured command line: expected failures print one clear message, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Triangulate());
    // Descriptions are written as lines of up to about 100 characters: at picocli's default 80
    // columns every one of them would wrap a second time.
    cli.setUsageHelpWidth(110);
    cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandListRenderer());
    cli.setExecutionStrategy(Triangulate::refuseUnmatched);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof TaskFailure || ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + ex.getMessage());
          } else {
            commandLine.getErr().println("error: " + ex);
            ex.printStackTrace(commandLine.getErr());
          }
          return 1;
        });
    return cli;
  }
}
