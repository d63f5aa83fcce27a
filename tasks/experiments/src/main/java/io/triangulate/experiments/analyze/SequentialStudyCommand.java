package io.triangulate.experiments.analyze;

import io.triangulate.experiments.stats.PeekingSimulation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate experiment sequential-study}: why daily peeking needs always-valid intervals. */
@Command(
    name = "sequential-study",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulates experiments that are looked at every day and stopped at the first significant day, and"
          + " prints how often they reject: with the fixed-horizon z-interval and with the always-valid mSPRT"
          + " interval (normal mixture, Johari et al. 2017; tau^2 tuned to the last day). With --effect 0"
          + " (the default) these are false-positive rates: the fixed interval's is far above alpha, the"
          + " sequential one's stays below it. Seeded, so every run prints the same figures.",
      ""
    })
public final class SequentialStudyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--experiments", defaultValue = "10000", paramLabel = "N", description = "Replications (default: ${DEFAULT-VALUE}).")
  private int experiments;

  @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "Daily looks per experiment (default: ${DEFAULT-VALUE}).")
  private int days;

  @Option(names = "--units-per-day", defaultValue = "200", paramLabel = "N", description = "New units per arm per day (default: ${DEFAULT-VALUE}).")
  private int unitsPerDay;

  @Option(names = "--effect", defaultValue = "0", paramLabel = "DELTA", description = "True difference in means, in outcome sd units (default: ${DEFAULT-VALUE}).")
  private double effect;

  @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A", description = "Error rate (default: ${DEFAULT-VALUE}).")
  private double alpha;

  @Option(names = "--seed", defaultValue = "7301", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() {
    if (experiments < 1 || days < 1 || unitsPerDay < 2) {
      throw new ParameterException(
          spec.commandLine(), "--experiments and --days must be at least 1 and --units-per-day at least 2");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new ParameterException(spec.commandLine(), "--alpha must be strictly between 0 and 1, got " + alpha);
    }
    if (!Double.isFinite(effect)) {
      throw new ParameterException(spec.commandLine(), "--effect must be a number, got " + effect);
    }
    long started = System.nanoTime();
    PeekingSimulation.Result r = PeekingSimulation.run(experiments, days, unitsPerDay, effect, alpha, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%,d experiments, %d daily looks, %,d units per arm per day, true effect %s sd, alpha %s (tau^2 %.3g)%n%n",
        experiments, days, unitsPerDay, effect, alpha, r.tauSquared());
    out.printf(Locale.ROOT, "%-42s %8s %8s%n", "method", "rejects", "MC se");
    row(out, "fixed-horizon z-interval, peeked daily", r.fixedRejectionRate(), r);
    row(out, "fixed-horizon z-interval, last day only", r.fixedFinalRejectionRate(), r);
    row(out, "always-valid mSPRT interval, peeked daily", r.sequentialRejectionRate(), r);
    out.printf(Locale.ROOT, "%n%.2f s%n", (System.nanoTime() - started) / 1e9);
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, String method, double rate, PeekingSimulation.Result r) {
    out.printf(Locale.ROOT, "%-42s %7.2f%% %7.2f%%%n", method, 100 * rate, 100 * r.standardError(rate));
  }
}
