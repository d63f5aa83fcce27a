package io.triangulate.core.run;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;
import io.triangulate.core.config.ConfigLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task graph, from {@code configs/pipeline.yaml}: the single definition that both
 * {@code triangulate run} and the Airflow DAG read, so the order is never written down twice.
 */
public record Pipeline(List<PipelineTask> tasks) {

  public static final String FILE = "pipeline.yaml";

  public Pipeline {
    Check.required("tasks", tasks);
    Check.that(!tasks.isEmpty(), "tasks must list at least one task");
    tasks = List.copyOf(tasks);
    Map<String, PipelineTask> byId = new LinkedHashMap<>();
    for (PipelineTask t : tasks) {
      if (byId.put(t.id(), t) != null) {
        throw new ConfigException("task id '" + t.id() + "' appears twice");
      }
    }
    for (PipelineTask t : tasks) {
      for (String d : t.dependsOn()) {
        Check.that(byId.containsKey(d), "task '" + t.id() + "' depends on unknown task '" + d + "'; known: " + byId.keySet());
      }
    }
    topological(tasks, byId);
  }

  public static Pipeline load(ConfigLoader loader) {
    return loader.load(FILE, Pipeline.class);
  }

  /** Tasks in an order where each comes after all it depends on (stable: file order breaks ties). */
  public List<PipelineTask> executionOrder() {
    Map<String, PipelineTask> byId = new LinkedHashMap<>();
    tasks.forEach(t -> byId.put(t.id(), t));
    return topological(tasks, byId);
  }

  private static List<PipelineTask> topological(List<PipelineTask> tasks, Map<String, PipelineTask> byId) {
    List<PipelineTask> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (PipelineTask t : tasks) {
      visit(t, byId, done, visiting, order);
    }
    return order;
  }

  private static void visit(
      PipelineTask t, Map<String, PipelineTask> byId, Set<String> done, Set<String> visiting, List<PipelineTask> order) {
    if (done.contains(t.id())) {
      return;
    }
    if (!visiting.add(t.id())) {
      throw new ConfigException("the task graph has a cycle through '" + t.id() + "'");
    }
    for (String d : t.dependsOn()) {
      visit(byId.get(d), byId, done, visiting, order);
    }
    visiting.remove(t.id());
    done.add(t.id());
    order.add(t);
  }
}
