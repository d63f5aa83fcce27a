package io.triangulate.mmm;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code triangulate mmm}: marketing mix models on a user's CSV. */
@Command(
    name = "mmm",
    mixinStandardHelpOptions = true,
    description = {
      "Marketing mix modelling: which channels drive the target (revenue or",
      "orders), their ROAS with uncertainty and their response curves, from a",
      "weekly or daily table of spend, target and controls.",
      "",
      "  check   data-quality report only",
      "  fit     ridge and/or Bayesian MMM; writes summaries, decomposition and",
      "          model.json for `triangulate optimize`",
      ""
    },
    subcommands = {MmmCheckCommand.class, MmmFitCommand.class, MmmBenchmarkCommand.class})
public final class MmmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
