package io.triangulate.core.cli;

/**
 * A failure a user can act on: the message says what failed and how to retry, and the CLI prints
 * it without a stack trace and exits non-zero.
 */
public final class TaskFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskFailure(String message) {
    super(message);
  }

  public TaskFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
