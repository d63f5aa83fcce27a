package io.triangulate.core.cli;

import java.io.PrintStream;

/**
 * Progress and status lines for people, on standard error so standard output stays clean for
 * tables and data. {@code TRIANGULATE_QUIET=1} silences them (tests, scripted use).
 */
public final class Progress {

  private static final PrintStream OUT = System.err;
  private static volatile boolean quiet = "1".equals(System.getenv("TRIANGULATE_QUIET"));

  private Progress() {}

  private static volatile boolean muted;

  public static void setQuiet(boolean value) {
    quiet = value;
  }

  /**
   * Silences {@link #info} (not {@link #step}) while a runner drives many tasks and reports one
   * line per step itself.
   */
  public static void mute(boolean value) {
    muted = value;
  }

  public static void info(String message) {
    if (!quiet && !muted) {
      OUT.println("· " + message);
    }
  }

  /** A one-line counter such as {@code [12/56] build 2026-01-16}; muted like {@link #info}. */
  public static void step(int done, int total, String what) {
    if (!quiet && !muted) {
      OUT.printf("[%d/%d] %s%n", done, total, what);
    }
  }

  /** The counter of whoever drives many tasks (the runner): shown even while tasks are muted. */
  public static void overall(int done, int total, String what) {
    if (!quiet) {
      OUT.printf("[%d/%d] %s%n", done, total, what);
    }
  }
}
