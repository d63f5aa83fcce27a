package io.triangulate.experiments;

import io.triangulate.experiments.analyze.AnalyzeCommand;
import io.triangulate.experiments.analyze.DesignCommand;
import io.triangulate.experiments.analyze.SequentialStudyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code triangulate experiment}: tools for people to analyse their own experiments. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Plan and analyse randomized experiments from your own files (the pipeline's per-campaign lift is the"
          + " separate 'experiments' task).",
      ""
    },
    subcommands = {AnalyzeCommand.class, DesignCommand.class, SequentialStudyCommand.class})
public final class ExperimentCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
