package io.triangulate.attribution.bench;

import io.triangulate.attribution.AttributionModel;
import io.triangulate.attribution.AttributionSettings;
import io.triangulate.attribution.AttributionSuite;
import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.markov.MarkovModel;
import io.triangulate.attribution.pathfile.PathFileReader;
import io.triangulate.core.cli.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints seconds per model — a benchmark, not a test:
 * (a) Markov order 1 with exact removal effects on the 10,000-path reference file (cold first run
 * and warm median), then every model on it; (b) every model on seeded synthetic distinct paths
 * (100,000 by default). Run with {@code triangulate attribute --benchmark [--paths FILE]
 * [--benchmark-paths N] [--seed N]} or this class's {@code main [FILE] [N] [SEED]}.
 */
public final class AttributionBenchmark {

  private static final int SYNTHETIC_CHANNELS = 12;
  private static final int WARM_RUNS = 25;

  private AttributionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0]) : null;
    int syntheticPaths = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    PrintWriter out = new PrintWriter(System.out, true);
    run(out, file, syntheticPaths, seed);
    out.flush();
  }

  /** {@code referenceFile} null: look for the reference file beside the repository. */
  public static void run(PrintWriter out, Path referenceFile, int syntheticPaths, long seed) throws IOException {
    Path reference = referenceFile != null
        ? referenceFile
        : ReferenceDatasets.find(ReferenceDatasets.CHANNEL_ATTRIBUTION_PATHS).orElse(null);
    if (reference == null) {
      out.println("reference file " + ReferenceDatasets.CHANNEL_ATTRIBUTION_PATHS + " not found; skipping part (a)");
    } else {
      benchmarkReference(out, reference);
    }
    benchmarkSynthetic(out, syntheticPaths, seed);
  }

  private static void benchmarkReference(PrintWriter out, Path reference) throws IOException {
    out.println("(a) reference file " + reference);
    long started = System.nanoTime();
    PathSet paths = PathFileReader.read(reference, ';').paths();
    out.printf(Locale.ROOT, "  read %d paths, %d channels: %.3f s%n", paths.size(), paths.channelCount(), seconds(started));

    started = System.nanoTime();
    MarkovModel.attribute(paths, 1);
    out.printf(Locale.ROOT, "  markov_1 with exact removal effects, first run (cold JIT): %.4f s%n", seconds(started));
    double[] warm = new double[WARM_RUNS];
    for (int i = 0; i < WARM_RUNS; i++) {
      started = System.nanoTime();
      MarkovModel.attribute(paths, 1);
      warm[i] = seconds(started);
    }
    Arrays.sort(warm);
    out.printf(Locale.ROOT, "  markov_1 warm median of %d runs: %.4f s (min %.4f s)%n", WARM_RUNS, warm[WARM_RUNS / 2], warm[0]);
    timeEveryModel(out, paths);
  }

  private static void benchmarkSynthetic(PrintWriter out, int distinctPaths, long seed) {
    out.printf(Locale.ROOT, "(b) synthetic: %d distinct paths over %d channels, seed %d%n", distinctPaths, SYNTHETIC_CHANNELS, seed);
    long started = System.nanoTime();
    PathSet paths = SyntheticPaths.generate(distinctPaths, SYNTHETIC_CHANNELS, seed);
    out.printf(Locale.ROOT, "  generated %d paths, %.0f journeys, %.0f conversions: %.3f s%n",
        paths.size(), paths.totalConversions() + paths.totalNulls(), paths.totalConversions(), seconds(started));
    timeEveryModel(out, paths);
  }

  private static void timeEveryModel(PrintWriter out, PathSet paths) {
    AttributionSuite suite = new AttributionSuite(paths, AttributionSettings.DEFAULT);
    out.printf(Locale.ROOT, "  %-20s %10s%n", "model", "seconds");
    double total = 0;
    for (AttributionModel model : AttributionModel.values()) {
      if (suite.reasonToSkip(model).isPresent()) {
        out.printf(Locale.ROOT, "  %-20s %10s%n", model.id(), "skipped (no timestamps)");
        continue;
      }
      Progress.info("benchmark: " + model.id());
      long started = System.nanoTime();
      suite.run(model);
      double elapsed = seconds(started);
      total += elapsed;
      out.printf(Locale.ROOT, "  %-20s %10.3f%n", model.id(), elapsed);
    }
    out.printf(Locale.ROOT, "  %-20s %10.3f%n", "all models", total);
    out.flush();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
