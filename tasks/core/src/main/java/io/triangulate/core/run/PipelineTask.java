package io.triangulate.core.run;

import io.triangulate.core.config.Check;
import java.util.List;

/**
 * One node of the task graph: a CLI subcommand (e.g. {@code [build]}) that is run with the data
 * interval appended ({@code --ds YYYY-MM-DD}).
 */
public record PipelineTask(String id, List<String> command, List<String> dependsOn, String description) {

  public PipelineTask {
    Check.required("tasks[].id", id);
    Check.that(id.matches("[a-z][a-z0-9_]*"), "tasks[].id must be lower_snake_case, got '" + id + "'");
    Check.required("tasks[" + id + "].command", command);
    Check.that(!command.isEmpty(), "tasks[" + id + "].command must name a subcommand");
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    description = description == null ? "" : description;
    command = List.copyOf(command);
  }
}
