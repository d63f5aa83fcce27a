package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.Progress;
import io.triangulate.experiments.stats.ConfidenceLevel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate experiment analyze}: lift of each treatment arm of a user's unit-level CSV. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares every treatment arm of a randomized experiment with its control arm, from a CSV with"
          + " one row per unit (RFC 4180, header row).",
      "",
      "An outcome holding only 0 and 1 is binary: rates, absolute lift with a Wald interval, p-value"
          + " from the pooled two-proportion z-test, relative lift p_t/p_c - 1. Any other numeric outcome"
          + " is compared by means: difference with a Welch-type normal interval and p-value; the rate"
          + " columns then hold means.",
      "",
      "Example (MineThatData's Hillstrom e-mail test):",
      "  triangulate experiment analyze --data hillstrom.csv --arm-col segment \\",
      "      --control 'No E-Mail' --outcome visit --out visit_lift.csv",
      ""
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Unit-level CSV to analyse.")
  private Path data;

  @Option(
      names = "--arm-col",
      required = true,
      paramLabel = "COLUMN",
      description = "Column naming each unit's arm; every value other than the control is a treatment arm.")
  private String armColumn;

  @Option(names = "--control", required = true, paramLabel = "VALUE", description = "Arm value of the control group.")
  private String controlArm;

  @Option(
      names = "--outcome",
      required = true,
      paramLabel = "COLUMN",
      description = "Outcome column: 0/1 (binary) or any number (compared by means).")
  private String outcomeColumn;

  @Option(
      names = "--segment-col",
      paramLabel = "COLUMN",
      description = "Also split the comparison by this column's values (one row per segment and arm).")
  private String segmentColumn;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.95",
      description = "Two-sided confidence level of the intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double confidence;

  @Option(
      names = "--control-share",
      paramLabel = "SHARE",
      description =
          "Planned share of the control within each treatment-vs-control pair (0.5 for equal arms)."
              + " Adds a sample-ratio-mismatch p-value (srm_p) to the printed table; below 0.001 the split"
              + " is not what was planned and the lift should not be trusted.")
  private Double controlShare;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the comparisons to this CSV: [segment,] arm, n, control_n, rate, control_rate,"
          + " abs_lift, abs_lift_ci_low, abs_lift_ci_high, rel_lift, p_value.")
  private Path out;

  @Override
  public Integer call() {
    ConfidenceLevel level = confidenceLevel();
    OptionalDouble expectedControlShare = expectedControlShare();
    boolean segmented = segmentColumn != null;

    long started = System.nanoTime();
    ArmOutcomes outcomes = new UnitCsvAggregator(data, armColumn, outcomeColumn, segmentColumn).read();
    Progress.info(
        String.format(
            Locale.ROOT,
            "read %,d rows from %s in %.2f s",
            outcomes.rows(),
            data,
            (System.nanoTime() - started) / 1e9));
    List<ArmLift> lifts = new ArmLiftCalculator(controlArm, level, expectedControlShare).compare(outcomes, segmented);

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        Locale.ROOT,
        "%s (%s) versus control \"%s\"%s, %,d units%n%n",
        outcomeColumn,
        outcomes.binary() ? "binary: rates" : "numeric: means",
        controlArm,
        segmented ? " by " + segmentColumn : "",
        outcomes.rows());
    stdout.print(new LiftTable(segmented, outcomes.binary(), expectedControlShare.isPresent(), level).render(lifts));
    stdout.flush();
    if (out != null) {
      LiftCsvFile.write(out, lifts, segmented);
      Progress.info("wrote " + lifts.size() + " rows to " + out);
    }
    return 0;
  }

  private ConfidenceLevel confidenceLevel() {
    try {
      return new ConfidenceLevel(confidence);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--confidence must be strictly between 0 and 1 (e.g. 0.95), got " + confidence);
    }
  }

  private OptionalDouble expectedControlShare() {
    if (controlShare == null) {
      return OptionalDouble.empty();
    }
    if (!(controlShare > 0 && controlShare < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--control-share must be strictly between 0 and 1 (e.g. 0.5), got " + controlShare);
    }
    return OptionalDouble.of(controlShare);
  }
}
