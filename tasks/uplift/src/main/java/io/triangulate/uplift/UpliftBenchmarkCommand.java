package io.triangulate.uplift;

import io.triangulate.uplift.synthetic.SyntheticUplift;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code triangulate uplift benchmark}: a timing, not a test. Writes a seeded synthetic campaign
 * (SyntheticUplift: x1..x5, plus a 4-level categorical `region` without effect) to a temporary CSV
 * and runs {@code uplift fit} on it, printing wall-clock seconds and the peak heap in use.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic CSV (x1..x5 numeric, region with 4 levels, treatment 0/1,",
      "converted 0/1) in a temporary file and times `uplift fit` on it: seconds to write,",
      "to read, fit and score, and the peak heap in use (sampled every 20 ms).",
      "Memory bound of `fit`: the table is rows x (8 x features + 40) bytes (8 features:",
      "~104 MB per million rows); boosting copies one arm's rows into Smile columns",
      "(+ 8 x features + 4 x features bytes per row of that arm) while it fits; the trees",
      "themselves are small (trees x leaves nodes). Run with -Xmx to check a bound."
    })
public final class UpliftBenchmarkCommand implements Callable<Integer> {

  @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Rows (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--learner", defaultValue = "t", paramLabel = "s|t|x|dr", description = "Learner (default: ${DEFAULT-VALUE}).")
  String learner;

  @Option(names = "--base", defaultValue = "gbt", paramLabel = "gbt|logistic", description = "Base models (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--trees", defaultValue = "100", paramLabel = "N", description = "Trees per model (default: ${DEFAULT-VALUE}).")
  int trees;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("uplift-benchmark");
    Path file = dir.resolve("campaign.csv");
    try {
      long start = System.nanoTime();
      write(file, rows, seed);
      double writeSeconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      AtomicLong peak = new AtomicLong();
      Runtime rt = Runtime.getRuntime();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      start = System.nanoTime();
      long cpuStart = cpuNanos();
      List<String> args = new ArrayList<>(List.of("--data", file.toString(), "--treatment-col", "treatment",
          "--outcome", "converted", "--features", "x1,x2,x3,x4,x5,region", "--learner", learner, "--base", base,
          "--trees", String.valueOf(trees), "--out", dir.resolve("out").toString()));
      int code = new CommandLine(new UpliftFitCommand()).execute(args.toArray(String[]::new));
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
      sampler.interrupt();
      sampler.join();
      System.out.printf(Locale.ROOT,
          "benchmark: %d rows, %s-learner/%s, %d trees: CSV written in %.1f s (%d MB); uplift fit (read + fit + score) "
              + "%.1f s wall, %.1f s CPU (%d processors, load average %.1f); peak heap in use %d MB (max heap %d MB)%n",
          rows, learner, base, trees, writeSeconds, Files.size(file) >> 20, fitSeconds, cpuSeconds,
          rt.availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          peak.get() >> 20, rt.maxMemory() >> 20);
      return code;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** CPU time of the whole process (all threads), or 0 where the JVM does not report it. */
  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  static void write(Path file, int rows, long seed) throws IOException {
    String[] regions = {"north", "south", "east", "west"};
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("x1,x2,x3,x4,x5,region,treatment,converted\n");
      StringBuilder line = new StringBuilder(96);
      for (int i = 0; i < rows; i++) {
        SyntheticUplift.Member m = SyntheticUplift.member(random);
        line.setLength(0);
        for (double v : m.x()) {
          line.append(Math.round(v * 1e6) / 1e6).append(',');
        }
        line.append(regions[random.nextInt(regions.length)]).append(',').append(m.t()).append(',').append(m.y())
            .append('\n');
        w.append(line);
      }
    }
  }
}
