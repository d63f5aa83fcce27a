package io.triangulate.cli;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.run.PipelineTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Runs days of the task graph two tasks at a time, letting the next day's first tasks (simulate,
 * load, build …) run while the previous day's last ones (attribute, decide) finish. Each task of a
 * day waits for its dependencies of that day and for its own run of the day before, as Airflow's
 * {@code depends_on_past} does, so every task still sees the tables it would see run in order: a
 * task reads only its day and earlier days, and writes only its day. At most two days are in flight.
 * On two cores the pipeline then takes about as long as its busier half instead of the sum.
 *
 * <p>The first task to fail stops the schedule: nothing new starts, running tasks finish, and the
 * failure of the earliest day is thrown.
 */
final class OverlappedDays {

  private static final int WORKERS = 2;

  private final List<PipelineTask> tasks;
  private final BiConsumer<PipelineTask, LocalDate> runTask;

  OverlappedDays(List<PipelineTask> tasks, BiConsumer<PipelineTask, LocalDate> runTask) {
    this.tasks = List.copyOf(tasks);
    this.runTask = runTask;
  }

  void run(LocalDate from, LocalDate to) {
    int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
      Thread t = new Thread(r, "pipeline-task");
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean failed = new AtomicBoolean();
    List<CompletableFuture<Void>> lastOfDay = new ArrayList<>();
    Map<String, CompletableFuture<Void>> previousDay = Map.of();
    try {
      for (int k = 0; k < days; k++) {
        LocalDate ds = from.plusDays(k);
        AtomicLong started = new AtomicLong();
        Map<String, Double> seconds = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Void>> today = new HashMap<>();
        for (PipelineTask task : tasks) {
          List<CompletableFuture<Void>> before = new ArrayList<>();
          for (String dependency : task.dependsOn()) {
            if (today.containsKey(dependency)) { // a skipped dependency is satisfied
              before.add(today.get(dependency));
            }
          }
          if (before.isEmpty() && k >= 2) {
            before.add(lastOfDay.get(k - 2)); // a day's first tasks: at most two days in flight
          }
          if (previousDay.containsKey(task.id())) {
            before.add(previousDay.get(task.id()));
          }
          CompletableFuture<Void> done = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
              .thenRunAsync(() -> {
                if (failed.get()) {
                  throw new CancellationException("an earlier task failed");
                }
                long t0 = System.nanoTime();
                started.compareAndSet(0, t0); // the day's first task to start
                try {
                  runTask.accept(task, ds);
                } catch (RuntimeException e) {
                  failed.set(true);
                  throw e;
                }
                seconds.put(task.id(), (System.nanoTime() - t0) / 1e9);
              }, workers);
          today.put(task.id(), done);
        }
        int day = k + 1;
        CompletableFuture<Void> all = CompletableFuture.allOf(today.values().toArray(CompletableFuture[]::new));
        all.thenRun(() -> Progress.overall(day, days, String.format(Locale.ROOT, "%s done in %.1f s (%s)", ds,
            (System.nanoTime() - started.get()) / 1e9, timings(seconds))));
        lastOfDay.add(all);
        previousDay = today;
      }
      for (CompletableFuture<Void> day : lastOfDay) {
        try {
          day.join();
        } catch (CompletionException | CancellationException e) {
          throw firstFailure(lastOfDay, e);
        }
      }
    } finally {
      workers.shutdown();
    }
  }

  private String timings(Map<String, Double> seconds) {
    List<String> parts = new ArrayList<>();
    for (PipelineTask task : tasks) {
      Double s = seconds.get(task.id());
      if (s != null) {
        parts.add(String.format(Locale.ROOT, "%s %.1fs", task.id(), s));
      }
    }
    return String.join(", ", parts);
  }

  /** The failure itself (not a cancellation that followed it), after every running task ended. */
  private static RuntimeException firstFailure(List<CompletableFuture<Void>> days, RuntimeException first) {
    RuntimeException found = null;
    for (CompletableFuture<Void> day : days) {
      try {
        day.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (found == null && cause instanceof RuntimeException r && !(cause instanceof CancellationException)) {
          found = r;
        }
      } catch (CancellationException ignored) {
        // a task that did not start because another failed
      }
    }
    if (found != null) {
      return found;
    }
    Throwable cause = first.getCause() == null ? first : first.getCause();
    return cause instanceof RuntimeException r ? r : new TaskFailure("pipeline failed: " + cause, cause);
  }
}
