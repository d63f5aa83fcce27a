package io.triangulate.geo.stats;

/**
 * Replicates simulated geo tests with a known effect and measures how the analysis recovers it:
 * coverage of the interval for the average effect (equivalently the total incremental outcome),
 * bias, RMSE and mean interval width relative to the truth. Seeds are {@code firstSeed + r}.
 */
public final class CoverageStudy {

  /**
   * @param coverage share of tests whose interval covers the true incremental outcome
   * @param monteCarloSe binomial standard error of that share at the nominal level
   * @param meanError mean (estimate − truth) of the total incremental outcome
   * @param meanRelativeError mean of (estimate − truth)/truth
   * @param rmseRelative root mean squared relative error
   * @param meanRelativeWidth mean interval width over the truth
   * @param secondsPerTest wall-clock seconds per analysis
   */
  public record Result(
      int tests,
      double nominal,
      double coverage,
      double monteCarloSe,
      double meanError,
      double errorSe,
      double meanRelativeError,
      double rmseRelative,
      double meanRelativeWidth,
      double rejectionRate,
      double secondsPerTest) {}

  private CoverageStudy() {}

  public static Result run(GeoPanelGenerator.World world, GeoOptions options, int tests, long firstSeed) {
    int covered = 0;
    int rejected = 0;
    double sumError = 0;
    double sumErrorSq = 0;
    double sumRel = 0;
    double sumRelSq = 0;
    double sumWidth = 0;
    long nanos = 0;
    for (int r = 0; r < tests; r++) {
      GeoPanelGenerator.SimulatedTest sim = GeoPanelGenerator.simulate(world, firstSeed + r);
      long started = System.nanoTime();
      GeoAnalysis a = GeoAnalyzer.analyze(sim.panel(), sim.test(), options);
      nanos += System.nanoTime() - started;
      double truth = sim.trueIncremental();
      Estimate inc = a.incremental();
      if (inc.covers(truth)) {
        covered++;
      }
      if (a.pValue() <= 1 - options.confidence()) {
        rejected++;
      }
      double error = inc.value() - truth;
      sumError += error;
      sumErrorSq += error * error;
      if (truth != 0) {
        double rel = error / Math.abs(truth);
        sumRel += rel;
        sumRelSq += rel * rel;
        sumWidth += (inc.high() - inc.low()) / Math.abs(truth);
      } else {
        sumWidth += Double.NaN;
      }
    }
    double nominal = options.confidence();
    double meanError = sumError / tests;
    double errorVar = tests > 1 ? (sumErrorSq - tests * meanError * meanError) / (tests - 1) : Double.NaN;
    return new Result(
        tests,
        nominal,
        (double) covered / tests,
        Math.sqrt(nominal * (1 - nominal) / tests),
        meanError,
        Math.sqrt(errorVar / tests),
        sumRel / tests,
        Math.sqrt(sumRelSq / tests),
        sumWidth / tests,
        (double) rejected / tests,
        nanos / 1e9 / tests);
  }
}
