package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.run.PipelineTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The overlapped schedule keeps every ordering a task relies on, and stops at the first failure. */
class OverlappedDaysTest {

  private static final LocalDate FROM = LocalDate.parse("2026-01-05");
  private static final List<PipelineTask> CHAIN = List.of(
      task("simulate"), task("load", "simulate"), task("build", "load"), task("attribute", "build"));

  private static PipelineTask task(String id, String... dependsOn) {
    return new PipelineTask(id, List.of(id), List.of(dependsOn), id);
  }

  /** Start and end events in the order they happened, as "start load 2" / "end load 2". */
  private static final class Log {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();

    void run(PipelineTask task, LocalDate ds) {
      int day = (int) (ds.toEpochDay() - FROM.toEpochDay());
      mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      events.add("start " + task.id() + " " + day);
      try {
        Thread.sleep(task.id().equals("attribute") ? 20 : 5); // the last task is the slow one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      events.add("end " + task.id() + " " + day);
      running.decrementAndGet();
    }

    int at(String event) {
      int i = events.indexOf(event);
      assertTrue(i >= 0, "missing " + event);
      return i;
    }
  }

  @Test
  void everyTaskFollowsItsDependenciesAndItsOwnPreviousDayWithAtMostTwoDaysInFlight() {
    Log log = new Log();
    new OverlappedDays(CHAIN, log::run).run(FROM, FROM.plusDays(5));

    assertEquals(6 * CHAIN.size() * 2, log.events.size());
    for (int day = 0; day < 6; day++) {
      for (PipelineTask t : CHAIN) {
        for (String dependency : t.dependsOn()) {
          assertTrue(log.at("end " + dependency + " " + day) < log.at("start " + t.id() + " " + day),
              t.id() + " before its " + dependency + " on day " + day);
        }
        if (day > 0) {
          assertTrue(log.at("end " + t.id() + " " + (day - 1)) < log.at("start " + t.id() + " " + day),
              t.id() + " of day " + day + " before its previous day");
        }
      }
      if (day >= 2) {
        assertTrue(log.at("end attribute " + (day - 2)) < log.at("start simulate " + day), "three days in flight");
      }
    }
    assertEquals(2, log.mostRunning.get(), "two tasks at a time, and the days did overlap");
    // The slow attribute of day 0 ran beside day 1's first tasks.
    assertTrue(log.at("start simulate 1") < log.at("end attribute 0"));
  }

  @Test
  void aFailureIsThrownAfterRunningTasksEndAndLaterDaysNeverStart() {
    Log log = new Log();
    TaskFailure boom = new TaskFailure("build failed on day 2");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> new OverlappedDays(CHAIN, (task, ds) -> {
      log.run(task, ds);
      if (task.id().equals("build") && ds.equals(FROM.plusDays(2))) {
        throw boom;
      }
    }).run(FROM, FROM.plusDays(5)));

    assertSame(boom, thrown);
    assertEquals(0, log.running.get(), "nothing still running when the failure is thrown");
    assertFalse(log.events.contains("start attribute 2"), "its dependency failed");
    // Day 4 may start only once day 2 is done, which it never is; later days follow day 4.
    assertFalse(log.events.stream().anyMatch(e -> e.endsWith(" 4") || e.endsWith(" 5")), log.events.toString());
  }
}
