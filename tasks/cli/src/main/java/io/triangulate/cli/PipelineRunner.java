package io.triangulate.cli;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.run.Pipeline;
import io.triangulate.core.run.PipelineTask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the task graph in-process, day by day: for each day every task of {@code configs/pipeline.yaml}
 * in dependency order, each as its own CLI subcommand with {@code --ds}. The caller holds one
 * database session open for all of them (see {@code CommonOptions.beginSession}).
 */
final class PipelineRunner {

  private final Pipeline pipeline;
  private final List<String> sharedArgs;
  private final Set<String> skip;

  PipelineRunner(Pipeline pipeline, List<String> sharedArgs, Set<String> skip) {
    this.pipeline = pipeline;
    this.sharedArgs = List.copyOf(sharedArgs);
    this.skip = Set.copyOf(skip);
    for (String id : skip) {
      if (pipeline.tasks().stream().noneMatch(t -> t.id().equals(id))) {
        throw new TaskFailure("--skip names unknown task '" + id + "'; tasks: "
            + pipeline.tasks().stream().map(PipelineTask::id).toList());
      }
    }
  }

  void run(LocalDate from, LocalDate to) {
    List<PipelineTask> tasks = tasksToRun(from, to);
    int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    int day = 0;
    for (LocalDate ds = from; !ds.isAfter(to); ds = ds.plusDays(1)) {
      day++;
      long start = System.nanoTime();
      List<String> timings = new ArrayList<>();
      for (PipelineTask task : tasks) {
        long t0 = System.nanoTime();
        runTask(task, ds);
        timings.add(String.format(java.util.Locale.ROOT, "%s %.1fs", task.id(), (System.nanoTime() - t0) / 1e9));
      }
      Progress.overall(day, days, String.format(java.util.Locale.ROOT, "%s done in %.1f s (%s)", ds,
          (System.nanoTime() - start) / 1e9, String.join(", ", timings)));
    }
  }

  /** As {@link #run}, with the next day's first tasks starting while the day's last ones finish. */
  void runOverlapped(LocalDate from, LocalDate to) {
    new OverlappedDays(tasksToRun(from, to), this::runTask).run(from, to);
  }

  /** The graph's tasks in dependency order, less the skipped ones; checks the range. */
  private List<PipelineTask> tasksToRun(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new TaskFailure("--to " + to + " is before --from " + from);
    }
    return pipeline.executionOrder().stream().filter(t -> !skip.contains(t.id())).toList();
  }

  void runTask(PipelineTask task, LocalDate ds) {
    runCommand(task.id(), task.command(), ds);
  }

  /** Runs one subcommand for {@code ds} with the shared options; a non-zero exit is a TaskFailure. */
  void runCommand(String name, List<String> command, LocalDate ds) {
    List<String> args = new ArrayList<>(command);
    args.add("--ds");
    args.add(ds.toString());
    args.addAll(sharedArgs);
    StringWriter err = new StringWriter();
    var cli = Triangulate.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args.toArray(String[]::new));
    if (code != 0) {
      throw new TaskFailure(
          "task '" + name + "' failed for " + ds + " (exit " + code + "): " + err.toString().strip()
              + "\nretry that task with: triangulate " + String.join(" ", args)
              + "\nor resume the run with: triangulate run --from " + ds + " --to <last day>");
    }
  }
}
