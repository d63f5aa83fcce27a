package io.triangulate.ingest;

import io.triangulate.core.cli.TaskFailure;

/** A file that cannot be loaded at all; the whole interval's load is rolled back. */
public final class LoadFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LoadFailure(String message) {
    super(message);
  }

  TaskFailure asTaskFailure(java.time.LocalDate ds) {
    return new TaskFailure(
        "load " + ds + " failed, nothing was written for this interval: " + getMessage()
            + " (retry: triangulate load --ds " + ds + ")",
        this);
  }
}
