package io.triangulate.mmm;

import io.triangulate.core.cli.Progress;
import io.triangulate.mmm.bayes.BayesianMmm;
import io.triangulate.mmm.bayes.BayesianSettings;
import io.triangulate.mmm.data.ColumnSpec;
import io.triangulate.mmm.data.CsvTable;
import io.triangulate.mmm.data.DatasetReader;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.ridge.RidgeMmm;
import io.triangulate.mmm.ridge.RidgeSettings;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code triangulate mmm benchmark}: timings, not tests. Ridge: 2,000 iterations × 5 trials on a
 * seeded synthetic 156-week × 6-channel dataset. Bayesian: 4 chains × 1,000 draws (plus 1,000
 * warm-up) on PyMC-Marketing's 179-week example.
 */
@Command(
    name = "benchmark",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Prints wall-clock seconds of the ridge search and of Bayesian sampling.")
public final class MmmBenchmarkCommand implements Callable<Integer> {

  @Option(names = "--example", paramLabel = "FILE",
      description = "pymc_mmm_example.csv (default: shared/datasets/ beside the working directory or a parent).")
  Path example;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    Progress.setQuiet(true);
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    SyntheticMmm.Generated synthetic = SyntheticMmm.generate(156, 6, 2024);
    ModelInputs ridgeInputs = ModelInputs.prepare(synthetic.data(), ModelSpec.defaults());
    long start = System.nanoTime();
    ModelResult ridge = RidgeMmm.fit(ridgeInputs, List.of(), new RidgeSettings(2000, 5, 1, workers, 0.005, 200, 4, 13)).result();
    double ridgeSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("ridge     156 weeks × 6 channels, 2000 iterations × 5 trials (+ CV, 200 bootstrap refits): %.2f s, nrmse %.4f, %d threads%n",
        ridgeSeconds, ridge.metric("nrmse"), workers);

    Path file = example != null ? example : findExample();
    if (file == null) {
      System.out.println("bayesian  skipped: pymc_mmm_example.csv not found (use --example FILE)");
      return 0;
    }
    CsvTable table = CsvTable.read(file);
    ModelInputs inputs = ModelInputs.prepare(DatasetReader.read(table,
        new ColumnSpec("date_week", "y", List.of("x1", "x2"), List.of("event_1", "event_2"), null)).dataset(), ModelSpec.defaults());
    start = System.nanoTime();
    ModelResult bayes = BayesianMmm.fit(inputs, List.of(), new BayesianSettings(4, 1000, 1000, 1, workers, 10, 0.9, 1000)).result();
    double bayesSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("bayesian  179 weeks, 4 chains × (1000 warm-up + 1000 draws), with summaries: %.2f s, rhat_max %.4f, ess_min %.0f, %d threads%n",
        bayesSeconds, bayes.metric("rhat_max"), bayes.metric("ess_min"), workers);
    return 0;
  }

  private static Path findExample() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/datasets/pymc_mmm_example.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }
}
