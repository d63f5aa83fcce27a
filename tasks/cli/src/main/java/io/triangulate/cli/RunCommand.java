package io.triangulate.cli;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.core.run.Pipeline;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole task graph (configs/pipeline.yaml) for every day from --from to --to.",
      "",
      "Days run in order; within a day tasks run in dependency order, in this process, against one",
      "database. Every task replaces only its own day's output, so re-running a range (a backfill)",
      "leaves the same tables. A failing task stops the run and says how to retry or resume."
    })
public final class RunCommand implements Callable<Integer> {

  @Mixin private CommonOptions common;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
  private LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
  private LocalDate to;

  @Option(names = "--skip", split = ",", paramLabel = "TASK", description = "Tasks to leave out, e.g. --skip simulate for your own data.")
  private List<String> skip = List.of();

  @Option(names = "--overlap-days", description =
      "Run two tasks at a time: a day's first tasks start while the previous day's last ones finish."
          + " Each task still waits for its dependencies and for its own run of the day before, so the"
          + " tables come out the same; on two cores the demo world's 42 days took 72 s instead of 101 s.")
  private boolean overlapDays;

  @Override
  public Integer call() {
    Pipeline pipeline = Pipeline.load(common.configs());
    try (Database db = common.openDatabase()) {
      runInSession(db, pipeline, common, new HashSet<>(skip), from, to, overlapDays);
    }
    return 0;
  }

  static void runInSession(
      Database db, Pipeline pipeline, CommonOptions common, java.util.Set<String> skip, LocalDate from, LocalDate to,
      boolean overlapDays) {
    CommonOptions.beginSession(db);
    Progress.mute(true);
    try {
      PipelineRunner runner = new PipelineRunner(pipeline, sharedArgs(common), skip);
      if (overlapDays) {
        runner.runOverlapped(from, to);
      } else {
        runner.run(from, to);
      }
    } finally {
      Progress.mute(false);
      CommonOptions.endSession();
    }
  }

  /** Options every child task needs to see the same configs and home as this run. */
  static List<String> sharedArgs(CommonOptions common) {
    Path home = common.home().root();
    return List.of("--config-dir", common.configs().configDir().toString(), "--home", home.toString());
  }
}
