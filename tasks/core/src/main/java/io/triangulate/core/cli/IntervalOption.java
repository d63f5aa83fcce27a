package io.triangulate.core.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The data interval a task works on: one day, {@code --ds YYYY-MM-DD}. */
public final class IntervalOption {

  @Option(
      names = "--ds",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Data interval (day) to process. Re-running the same day replaces its output.")
  private LocalDate ds;

  public LocalDate ds() {
    return ds;
  }
}
