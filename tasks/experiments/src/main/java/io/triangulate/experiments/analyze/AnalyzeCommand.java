package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.Progress;
import io.triangulate.experiments.stats.ConfidenceLevel;
import io.triangulate.experiments.stats.SampleRatioResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
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
      "Every row also gets Benjamini-Hochberg and Holm adjusted p-values across all rows (arms and"
          + " segments), a Bayesian read-out (chance to beat control and expected loss of shipping the arm:"
          + " Beta(1,1) prior on rates, flat prior on a difference of means) and a sample-ratio-mismatch"
          + " chi-square of all arms of the segment against the planned shares (equal unless"
          + " --planned-shares). With --covariate, CUPED adjusts the difference on a pre-period column.",
      "",
      "Example (MineThatData's Hillstrom e-mail test):",
      "  triangulate experiment analyze --data hillstrom.csv --arm-col segment \\",
      "      --control 'No E-Mail' --outcome visit --out visit_lift.csv",
      "  triangulate experiment analyze --data hillstrom.csv --arm-col segment \\",
      "      --control 'No E-Mail' --outcome spend --covariate history",
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
      names = "--covariate",
      paramLabel = "COLUMN",
      description =
          "Pre-period column (measured before assignment, e.g. last year's spend) for CUPED: the difference is"
              + " adjusted by theta times the arms' covariate difference, theta the pooled within-arm slope"
              + " (the treatment coefficient of OLS outcome ~ arm + covariate). Must be numeric and not constant.")
  private String covariateColumn;

  @Option(
      names = "--planned-shares",
      paramLabel = "ARM=SHARE,...",
      description =
          "Planned share of every arm for the sample-ratio check, e.g. \"No E-Mail=0.333,Mens E-Mail=0.333,"
              + "Womens E-Mail=0.334\"; shares in (0, 1) adding up to 1 (within 0.001, then rescaled). Default:"
              + " equal shares. A chi-square p below 0.001 means the split is not what was planned.")
  private String plannedShares;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the comparisons to this CSV: [segment,] arm, n, control_n, rate, control_rate,"
          + " abs_lift, abs_lift_ci_low, abs_lift_ci_high, rel_lift, p_value, [cuped_abs_lift, cuped_ci_low,"
          + " cuped_ci_high, cuped_rel_lift, cuped_p_value, cuped_theta, variance_reduction,] p_bh, p_holm,"
          + " chance_to_beat, expected_loss, srm_chi_square, srm_df, srm_p.")
  private Path out;

  @Override
  public Integer call() {
    ConfidenceLevel level = confidenceLevel();
    OptionalDouble expectedControlShare = expectedControlShare();
    boolean segmented = segmentColumn != null;
    boolean withCovariate = covariateColumn != null;
    Map<String, Double> shares = plannedShares();

    long started = System.nanoTime();
    ArmOutcomes outcomes =
        new UnitCsvAggregator(data, armColumn, outcomeColumn, segmentColumn, covariateColumn).read();
    Progress.info(
        String.format(
            Locale.ROOT,
            "read %,d rows from %s in %.2f s",
            outcomes.rows(),
            data,
            (System.nanoTime() - started) / 1e9));
    List<ArmLift> lifts =
        new ArmLiftCalculator(controlArm, level, expectedControlShare, shares, withCovariate).compare(outcomes, segmented);

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        Locale.ROOT,
        "%s (%s) versus control \"%s\"%s, %,d units%n%n",
        outcomeColumn,
        outcomes.binary() ? "binary: rates" : "numeric: means",
        controlArm,
        segmented ? " by " + segmentColumn : "",
        outcomes.rows());
    stdout.print(
        new LiftTable(segmented, outcomes.binary(), expectedControlShare.isPresent(), level, withCovariate).render(lifts));
    stdout.print(srmSummary(lifts, segmented, shares.isEmpty()));
    stdout.flush();
    if (out != null) {
      LiftCsvFile.write(out, lifts, segmented, withCovariate);
      Progress.info("wrote " + lifts.size() + " rows to " + out);
    }
    return 0;
  }

  /** One line per segment: the sample-ratio check of all its arms. */
  private static String srmSummary(List<ArmLift> lifts, boolean segmented, boolean equalShares) {
    StringBuilder text = new StringBuilder();
    Set<String> done = new HashSet<>();
    for (ArmLift lift : lifts) {
      SampleRatioResult srm = lift.segmentSrm();
      if (srm == null || !done.add(String.valueOf(lift.segment()))) {
        continue;
      }
      text.append(
          String.format(
              Locale.ROOT,
              "%nsample ratio%s vs %s shares: chi-square %.4f, df %d, p %s%s",
              segmented ? " (" + lift.segment() + ")" : "",
              equalShares ? "equal" : "planned",
              srm.chiSquare(),
              srm.degreesOfFreedom(),
              LiftTable.pValue(srm.pValue()),
              srm.isMismatch(SampleRatioResult.DEFAULT_ALPHA) ? "  MISMATCH: do not trust these lifts" : ""));
    }
    return text.length() == 0 ? "" : text.append(System.lineSeparator()).toString();
  }

  private Map<String, Double> plannedShares() {
    Map<String, Double> shares = new LinkedHashMap<>();
    if (plannedShares == null) {
      return shares;
    }
    double total = 0;
    for (String part : plannedShares.split(",")) {
      int eq = part.lastIndexOf('=');
      String arm = eq < 0 ? "" : part.substring(0, eq).strip();
      double share;
      try {
        share = eq < 0 ? Double.NaN : Double.parseDouble(part.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        share = Double.NaN;
      }
      if (arm.isEmpty() || !(share > 0 && share < 1)) {
        throw new ParameterException(
            spec.commandLine(),
            "--planned-shares needs ARM=SHARE pairs separated by commas with shares strictly between 0 and 1, got \""
                + part.strip() + "\"");
      }
      if (shares.put(arm, share) != null) {
        throw new ParameterException(spec.commandLine(), "--planned-shares names arm \"" + arm + "\" twice");
      }
      total += share;
    }
    if (shares.size() < 2) {
      throw new ParameterException(spec.commandLine(), "--planned-shares needs a share for at least two arms");
    }
    if (Math.abs(total - 1) > 1e-3) {
      throw new ParameterException(
          spec.commandLine(), String.format(Locale.ROOT, "--planned-shares must add up to 1 (within 0.001), got %s", total));
    }
    double sum = total;
    shares.replaceAll((arm, share) -> share / sum);
    return shares;
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
