package io.triangulate.experiments.analyze;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.experiments.stats.ContinuousArm;
import io.triangulate.experiments.stats.DesignResult;
import io.triangulate.experiments.stats.ExperimentDesign;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate experiment design}: sample size, MDE and duration of a planned two-arm test. */
@Command(
    name = "design",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Plans a two-arm test before launch: units per arm to detect an effect with the given power at the"
          + " given two-sided alpha, for a holdout (control) share, and the days it takes at a daily volume."
          + " Or, with --units, the minimum detectable effect (MDE) a planned size can detect.",
      "",
      "Conversion rates use the pooled two-proportion z-test's formula (Fleiss, unequal allocation);"
          + " numeric outcomes the normal formula with the baseline standard deviation. The baseline comes"
          + " from the options or from a unit-level CSV (its control arm with --arm-col/--control).",
      "",
      "Examples:",
      "  triangulate experiment design --baseline-rate 0.10 --mde 0.02 --holdout-share 0.1 --daily-units 5000",
      "  triangulate experiment design --data hillstrom.csv --outcome spend --arm-col segment \\",
      "      --control 'No E-Mail' --mde-relative 0.2 --out design.csv",
      ""
    })
public final class DesignCommand implements Callable<Integer> {

  static final List<String> COLUMNS =
      List.of(
          "outcome", "baseline", "baseline_sd", "alpha", "power", "holdout_share", "treated_n", "control_n", "total_n",
          "mde_abs", "mde_rel", "days");

  @Spec private CommandSpec spec;

  @Option(names = "--baseline-rate", paramLabel = "RATE", description = "Control conversion rate, in (0, 1).")
  private Double baselineRate;

  @Option(names = "--baseline-mean", paramLabel = "MEAN", description = "Control mean of a numeric outcome (with --baseline-sd).")
  private Double baselineMean;

  @Option(names = "--baseline-sd", paramLabel = "SD", description = "Standard deviation of the numeric outcome per unit.")
  private Double baselineSd;

  @Option(names = "--data", paramLabel = "FILE", description = "Unit-level CSV to take the baseline from (with --outcome).")
  private Path data;

  @Option(
      names = "--outcome",
      paramLabel = "COLUMN",
      description = "Outcome column of --data: 0/1 gives a rate, any other number a mean and sd.")
  private String outcomeColumn;

  @Option(names = "--arm-col", paramLabel = "COLUMN", description = "With --data: take the baseline from the control arm only.")
  private String armColumn;

  @Option(names = "--control", paramLabel = "VALUE", description = "Arm value of the control (with --arm-col).")
  private String controlArm;

  @Option(names = "--mde", paramLabel = "EFFECT", description = "Absolute effect to detect (rate points as a fraction, e.g. 0.02, or outcome units).")
  private Double mde;

  @Option(names = "--mde-relative", paramLabel = "FRACTION", description = "Effect to detect relative to the baseline, e.g. 0.1 for +10%%.")
  private Double mdeRelative;

  @Option(names = "--units", paramLabel = "N", description = "Instead of an effect: the planned total units; prints the MDE they detect.")
  private Long units;

  @Option(names = "--power", paramLabel = "P", defaultValue = "0.8", description = "Power, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double power;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Two-sided significance level, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double alpha;

  @Option(
      names = "--holdout-share",
      paramLabel = "SHARE",
      defaultValue = "0.5",
      description = "Share of the units held out as control, in (0, 1) (default: ${DEFAULT-VALUE}).")
  private double holdoutShare;

  @Option(names = "--daily-units", paramLabel = "N", description = "Eligible units entering the test per day (both arms), for the duration.")
  private Double dailyUnits;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the design to this CSV: " + "outcome, baseline, baseline_sd, alpha, power, holdout_share, treated_n, control_n, total_n, mde_abs, mde_rel, days.")
  private Path out;

  private record Baseline(boolean binary, double value, double sd, String source) {}

  @Override
  public Integer call() {
    checkUnitInterval("--power", power);
    checkUnitInterval("--alpha", alpha);
    checkUnitInterval("--holdout-share", holdoutShare);
    if (dailyUnits != null && !(dailyUnits > 0 && Double.isFinite(dailyUnits))) {
      throw new ParameterException(spec.commandLine(), "--daily-units must be a positive number, got " + dailyUnits);
    }
    int effects = (mde == null ? 0 : 1) + (mdeRelative == null ? 0 : 1) + (units == null ? 0 : 1);
    if (effects != 1) {
      throw new ParameterException(spec.commandLine(), "give exactly one of --mde, --mde-relative or --units");
    }
    Baseline baseline = baseline();
    double daily = dailyUnits == null ? Double.NaN : dailyUnits;
    DesignResult design;
    try {
      design = design(baseline, daily);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "cannot design this test: " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(render(baseline, design));
    stdout.flush();
    if (out != null) {
      write(baseline, design);
      Progress.info("wrote the design to " + out);
    }
    return 0;
  }

  private DesignResult design(Baseline b, double daily) {
    if (units != null) {
      if (units < 2) {
        throw new ParameterException(spec.commandLine(), "--units must be at least 2, got " + units);
      }
      long controlN = Math.max(1, Math.round(units * holdoutShare));
      long treatedN = units - controlN;
      if (treatedN < 1) {
        throw new ParameterException(spec.commandLine(), "--units " + units + " leaves no treated unit at --holdout-share " + holdoutShare);
      }
      return b.binary
          ? ExperimentDesign.mdeForProportion(treatedN, controlN, b.value, alpha, power, daily)
          : ExperimentDesign.mdeForMean(treatedN, controlN, b.value, b.sd, alpha, power, daily);
    }
    double effect = mde != null ? mde : mdeRelative * b.value;
    if (mde == null && b.value == 0) {
      throw new ParameterException(spec.commandLine(), "--mde-relative needs a non-zero baseline; give --mde instead");
    }
    return b.binary
        ? ExperimentDesign.forProportion(b.value, effect, alpha, power, holdoutShare, daily)
        : ExperimentDesign.forMean(b.value, b.sd, effect, alpha, power, holdoutShare, daily);
  }

  private Baseline baseline() {
    boolean rate = baselineRate != null;
    boolean mean = baselineMean != null || baselineSd != null;
    boolean file = data != null;
    if ((rate ? 1 : 0) + (mean ? 1 : 0) + (file ? 1 : 0) != 1) {
      throw new ParameterException(
          spec.commandLine(),
          "give exactly one baseline: --baseline-rate, or --baseline-mean with --baseline-sd, or --data with --outcome");
    }
    if (rate) {
      checkUnitInterval("--baseline-rate", baselineRate);
      return new Baseline(true, baselineRate, Math.sqrt(baselineRate * (1 - baselineRate)), "--baseline-rate");
    }
    if (mean) {
      if (baselineMean == null || baselineSd == null) {
        throw new ParameterException(spec.commandLine(), "--baseline-mean and --baseline-sd go together");
      }
      if (!(baselineSd > 0) || Double.isInfinite(baselineSd)) {
        throw new ParameterException(spec.commandLine(), "--baseline-sd must be a positive number, got " + baselineSd);
      }
      return new Baseline(false, baselineMean, baselineSd, "--baseline-mean/--baseline-sd");
    }
    if (outcomeColumn == null) {
      throw new ParameterException(spec.commandLine(), "--data needs --outcome naming the outcome column");
    }
    if ((armColumn == null) != (controlArm == null)) {
      throw new ParameterException(spec.commandLine(), "--arm-col and --control go together");
    }
    ArmOutcomes outcomes = new UnitCsvAggregator(data, armColumn, outcomeColumn, null).read();
    String arm = armColumn == null ? "" : controlArm;
    if (!outcomes.armValues().contains(arm)) {
      throw new TaskFailure(
          String.format(
              "%s: control value \"%s\" does not occur in the arm column; values found: %s",
              data, controlArm, String.join(", ", outcomes.armValues())));
    }
    OutcomeSums sums = outcomes.sums(ArmOutcomes.UNSEGMENTED, arm);
    String source = data + (armColumn == null ? "" : " (" + armColumn + " = " + controlArm + ")") + ", " + sums.n() + " units";
    if (outcomes.binary()) {
      double p = sums.asBinary().rate();
      if (!(p > 0 && p < 1)) {
        throw new TaskFailure(
            String.format(
                "%s: outcome column \"%s\" has a rate of %s in the baseline units: a test of rates needs a baseline"
                    + " strictly between 0 and 1",
                data, outcomeColumn, LiftCsvFile.number(p)));
      }
      return new Baseline(true, p, Math.sqrt(p * (1 - p)), source);
    }
    ContinuousArm arm2 = sums.asContinuous();
    double sd = Math.sqrt(arm2.sampleVariance());
    if (!(sd > 0)) {
      throw new TaskFailure(
          String.format(
              "%s: outcome column \"%s\" has zero variance (or fewer than 2 units) in the baseline units: the"
                  + " standard deviation a test of means needs is undefined",
              data, outcomeColumn));
    }
    return new Baseline(false, arm2.mean(), sd, source);
  }

  private String render(Baseline b, DesignResult d) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "baseline %s from %s%n",
            b.binary
                ? String.format(Locale.ROOT, "rate %.4f%%", 100 * b.value)
                : String.format(Locale.ROOT, "mean %.4f, sd %.4f", b.value, b.sd),
            b.source));
    text.append(
        String.format(
            Locale.ROOT,
            "alpha %s (two-sided), power %s, holdout share %s%n%n",
            alpha, power, d.controlShare()));
    text.append(String.format(Locale.ROOT, "treated units  %,d%n", d.treatedN()));
    text.append(String.format(Locale.ROOT, "control units  %,d%n", d.controlN()));
    text.append(String.format(Locale.ROOT, "total units    %,d%n", d.treatedN() + d.controlN()));
    text.append(
        String.format(
            Locale.ROOT,
            "MDE            %s (%s relative)%n",
            b.binary ? String.format(Locale.ROOT, "%.4f pp", 100 * d.mdeAbsolute()) : String.format(Locale.ROOT, "%.4f", d.mdeAbsolute()),
            Double.isFinite(d.mdeRelative()) ? String.format(Locale.ROOT, "%+.2f%%", 100 * d.mdeRelative()) : "—"));
    text.append(
        String.format(
            Locale.ROOT,
            "days           %s%n",
            Double.isNaN(d.days()) ? "— (give --daily-units)" : String.format(Locale.ROOT, "%.0f", d.days())));
    return text.toString();
  }

  private void write(Baseline b, DesignResult d) {
    try (CsvWriter csv = CsvWriter.open(out, COLUMNS)) {
      csv.row(
          (Object[])
              new String[] {
                b.binary ? "rate" : "mean",
                LiftCsvFile.number(b.value),
                LiftCsvFile.number(b.sd),
                LiftCsvFile.number(alpha),
                LiftCsvFile.number(power),
                LiftCsvFile.number(d.controlShare()),
                Long.toString(d.treatedN()),
                Long.toString(d.controlN()),
                Long.toString(d.treatedN() + d.controlN()),
                LiftCsvFile.number(d.mdeAbsolute()),
                LiftCsvFile.number(d.mdeRelative()),
                Double.isNaN(d.days()) ? "" : Long.toString((long) d.days())
              });
    } catch (UncheckedIOException e) {
      throw new TaskFailure(out + ": cannot write: " + e.getCause().getMessage(), e);
    }
  }

  private void checkUnitInterval(String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw new ParameterException(spec.commandLine(), option + " must be strictly between 0 and 1, got " + value);
    }
  }
}
