package io.triangulate.uplift;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code triangulate uplift}: who to target, from a randomised campaign in a user's CSV. */
@Command(
    name = "uplift",
    mixinStandardHelpOptions = true,
    description = {
      "Uplift models: which members a campaign changes, not just whether it works.",
      "From a randomised test (a treated and a control group, a 0/1 outcome and member",
      "features) they predict each member's uplift, so the next campaign can treat the",
      "members it moves and skip the rest.",
      ""
    },
    subcommands = {UpliftFitCommand.class, UpliftBenchmarkCommand.class})
public final class UpliftCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
