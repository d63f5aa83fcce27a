package io.triangulate.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU seconds used so far by this JVM and by the embedded PostgreSQL (the postmaster, the backends
 * it has reaped, and the processes still running under it). On a shared machine wall-clock time
 * depends on what else runs; CPU time is the work a step did, so the benchmark prints both.
 *
 * <p>PostgreSQL's share is read from Linux's {@code /proc}; elsewhere it is unknown (NaN).
 */
final class CpuMeter {

  /** Clock ticks per second of {@code /proc/<pid>/stat} times: 100 on every mainstream Linux. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Optional<ProcessHandle> postmaster;

  private CpuMeter(Optional<ProcessHandle> postmaster) {
    this.postmaster = postmaster;
  }

  /** Meters this JVM and the PostgreSQL server whose backend has process id {@code backendPid}. */
  static CpuMeter forServerOf(int backendPid) {
    return new CpuMeter(ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent));
  }

  /** A reading: CPU seconds of the JVM and of PostgreSQL since their start. */
  record Reading(double jvm, double postgres) {
    Reading minus(Reading earlier) {
      return new Reading(jvm - earlier.jvm, postgres - earlier.postgres);
    }

    double total() {
      return jvm + postgres;
    }
  }

  Reading read() {
    return new Reading(jvmSeconds(), postmaster.map(CpuMeter::serverSeconds).orElse(Double.NaN));
  }

  private static double jvmSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** The postmaster's own and reaped children's time, plus the children still running. */
  private static double serverSeconds(ProcessHandle postmaster) {
    long[] own = stat(postmaster.pid());
    if (own == null) {
      return Double.NaN;
    }
    long ticks = own[0] + own[1] + own[2] + own[3];
    for (ProcessHandle child : postmaster.children().toList()) {
      long[] c = stat(child.pid());
      if (c != null) {
        ticks += c[0] + c[1] + c[2] + c[3];
      }
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** utime, stime, cutime, cstime of a process, or null if it is gone or this is not Linux. */
  private static long[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may contain spaces: count from after it.
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // After the name, field 3 (state) is f[0]; utime is field 14, so f[11] .. cstime f[14].
      return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
