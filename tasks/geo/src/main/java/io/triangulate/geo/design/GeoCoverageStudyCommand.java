package io.triangulate.geo.design;

import io.triangulate.geo.stats.CoverageStudy;
import io.triangulate.geo.stats.GeoMethod;
import io.triangulate.geo.stats.GeoOptions;
import io.triangulate.geo.stats.GeoPanelGenerator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate geo coverage-study}: how often the geo intervals cover a known simulated lift. */
@Command(
    name = "coverage-study",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulates seeded geo tests with a known effect (a factor model: log-normal market sizes, weekly pattern,"
          + " trend, annual wave, two latent AR(1) factors with market loadings, AR(1) noise) and reports how the"
          + " analysis recovers it: interval coverage of the total incremental outcome with its Monte Carlo SE,"
          + " bias, RMSE, interval width, rejection rate and seconds per analysis. The suite runs 200 tests;"
          + " this runs any number.",
      ""
    })
public final class GeoCoverageStudyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--tests", paramLabel = "N", defaultValue = "500", description = "Simulated tests (default: ${DEFAULT-VALUE}).")
  private int tests;

  @Option(names = "--markets", paramLabel = "N", defaultValue = "30", description = "Markets per panel (default: ${DEFAULT-VALUE}).")
  private int markets;

  @Option(names = "--days", paramLabel = "N", defaultValue = "91", description = "Days per panel, test included (default: ${DEFAULT-VALUE}).")
  private int days;

  @Option(names = "--test-days", paramLabel = "N", defaultValue = "28", description = "Test length (default: ${DEFAULT-VALUE}).")
  private int testDays;

  @Option(names = "--treated-count", paramLabel = "K", defaultValue = "2", description = "Treated markets (default: ${DEFAULT-VALUE}).")
  private int treatedCount;

  @Option(names = "--lift", paramLabel = "LIFT", defaultValue = "0.05", description = "True lift over baseline (default: ${DEFAULT-VALUE}).")
  private double lift;

  @Option(names = "--shape", paramLabel = "SHAPE", defaultValue = "CONSTANT", description = "CONSTANT, PROPORTIONAL or RAMP (default: ${DEFAULT-VALUE}).")
  private GeoPanelGenerator.EffectShape shape;

  @Option(names = "--noise", paramLabel = "CV", defaultValue = "0.05", description = "Daily noise of a median market, relative (default: ${DEFAULT-VALUE}).")
  private double noise;

  @Option(names = "--method", paramLabel = "sc|augsc", defaultValue = "augsc", description = "Estimator (default: ${DEFAULT-VALUE}).")
  private String method;

  @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.9", description = "Interval level (default: ${DEFAULT-VALUE}).")
  private double confidence;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1000", description = "First seed; test r uses seed + r (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() {
    if (tests < 1) {
      throw new ParameterException(spec.commandLine(), "--tests must be at least 1, got " + tests);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new ParameterException(spec.commandLine(), "--confidence must be strictly between 0 and 1, got " + confidence);
    }
    GeoMethod geoMethod;
    try {
      geoMethod = GeoMethod.parse(method);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--method must be sc or augsc, got " + method);
    }
    GeoPanelGenerator.World world;
    try {
      world = new GeoPanelGenerator.World(markets, days, testDays, treatedCount, lift, shape, noise);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "world: " + e.getMessage());
    }
    long started = System.nanoTime();
    CoverageStudy.Result r = CoverageStudy.run(world, new GeoOptions(geoMethod, confidence, true, Double.NaN), tests, seed);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "%d tests: %d markets × %d days, %d treated, %d-day test, lift %.1f%% (%s), noise %.1f%%, %s%n",
        tests, markets, days, treatedCount, testDays, 100 * lift, shape, 100 * noise, geoMethod.label());
    stdout.printf(Locale.ROOT, "coverage of %.0f%% intervals: %.3f (MC SE %.3f; nominal ± 2 SE: %.3f–%.3f)%n",
        100 * confidence, r.coverage(), r.monteCarloSe(), confidence - 2 * r.monteCarloSe(), confidence + 2 * r.monteCarloSe());
    stdout.printf(Locale.ROOT, "bias of total incremental: %,.1f (MC SE %,.1f); mean relative error %+.2f%%; relative RMSE %.1f%%%n",
        r.meanError(), r.errorSe(), 100 * r.meanRelativeError(), 100 * r.rmseRelative());
    stdout.printf(Locale.ROOT, "mean interval width / truth: %.2f; rejection of no effect: %.3f%n", r.meanRelativeWidth(), r.rejectionRate());
    stdout.printf(Locale.ROOT, "%.4f s per analysis; %.1f s in all%n", r.secondsPerTest(), (System.nanoTime() - started) / 1e9);
    stdout.flush();
    return 0;
  }
}
