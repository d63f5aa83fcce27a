package io.triangulate.uplift;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.uplift.data.MissingColumnException;
import io.triangulate.uplift.data.TableSpec;
import io.triangulate.uplift.data.UpliftCsv;
import io.triangulate.uplift.data.UpliftTable;
import io.triangulate.uplift.metrics.TargetingPolicy;
import io.triangulate.uplift.metrics.UpliftMetrics;
import io.triangulate.uplift.model.BaseModel;
import io.triangulate.uplift.model.Learner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate uplift fit}: an uplift model on a user's CSV, judged on a holdout. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fits an uplift model on a randomised campaign and judges it on a seeded holdout.",
      "",
      "Input: a CSV with a header; one row per member with the arm (--treatment-col), a",
      "0/1 outcome (--outcome) and features (--features). A feature whose values are all",
      "numbers is used as it is; any other feature is one-hot encoded: L levels become",
      "L-1 0/1 columns `name=level`, the first level in sorted order being the reference",
      "(at most 1000 levels). Empty feature cells, outcomes other than 0/1 and an empty arm",
      "are errors naming the file and line; a constant feature gives a warning.",
      "",
      "Learners (--learner), each on Smile's gradient boosting or logistic regression (--base):",
      "  s   one outcome model on features + treatment; uplift = f(x,1) - f(x,0)",
      "  t   one outcome model per arm; uplift = f1(x) - f0(x)",
      "  x   Kunzel et al. (2019): T-learner, imputed effects per arm, blended by propensity",
      "  dr  Kennedy (2020): 2-fold cross-fitted doubly-robust pseudo-outcome, regressed on x",
      "",
      "Metrics on the holdout follow scikit-uplift 0.5.1: Qini coefficient (qini_auc_score),",
      "AUUC (uplift_auc_score; both the area between the model's curve and the random line",
      "over that of the perfect curve), uplift@k (strategy 'overall') and uplift by decile.",
      "Policy \"treat the top k%%\": the treated-minus-control rate among the holdout's top k%%",
      "times k x (rows in the file) = expected extra outcomes, with a 95%% CI.",
      "",
      "Writes to --out DIR: summary.csv (metric, value), deciles.csv, qini_curve.csv",
      "(share, n, qini, random: the curve at every percent of reach) and, with",
      "--predictions, predictions.csv (line, split, treatment, outcome, uplift).",
      "",
      "Memory: about rows x (8 x encoded features + 40) bytes for the table; boosting adds",
      "12 bytes per value of each training arm it fits (Smile's columns and presorted index,",
      "both arms at once on 2+ processors), plus the trees (small). 1,000,000 rows x 8",
      "features: table ~104 MB, peak heap 0.6-1.3 GB measured (see `uplift benchmark`).",
      ""
    })
public final class UpliftFitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV.")
  Path data;

  @Option(names = "--treatment-col", required = true, paramLabel = "COL", description = "Column holding the arm.")
  String treatmentCol;

  @Option(names = "--treatment-value", paramLabel = "V",
      description = "Value of --treatment-col meaning treated; without it the column must be 0/1.")
  String treatmentValue;

  @Option(names = "--control-value", paramLabel = "V",
      description = "With --treatment-value: the control value; rows with other values are skipped "
          + "(default: every row that is not treated is a control).")
  String controlValue;

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "The 0/1 outcome column.")
  String outcome;

  @Option(names = "--features", required = true, split = ",", paramLabel = "a,b,c", description = "Feature columns.")
  List<String> features;

  @Option(names = "--learner", defaultValue = "t", paramLabel = "s|t|x|dr", description = "Meta-learner (default: ${DEFAULT-VALUE}).")
  String learner;

  @Option(names = "--base", defaultValue = "gbt", paramLabel = "gbt|logistic",
      description = "Nuisance models: gradient boosting or logistic regression / least squares (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--trees", defaultValue = "100", paramLabel = "N", description = "Boosting: trees per model (default: ${DEFAULT-VALUE}).")
  int trees;

  @Option(names = "--test-share", defaultValue = "0.3", paramLabel = "F", description = "Holdout share (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of split, folds and boosting (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--top-k", defaultValue = "0.3", paramLabel = "F",
      description = "Share treated by the policy and the k of uplift@k (default: ${DEFAULT-VALUE}).")
  double topK;

  @Option(names = "--predictions", description = "Also write predictions.csv, one line per kept row.")
  boolean predictions;

  @Option(names = "--out", defaultValue = "uplift-out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    Learner kind = option("--learner", () -> Learner.parse(learner));
    BaseModel.Family family = option("--base", () -> BaseModel.Family.parse(base));
    if (trees < 1) {
      throw new ParameterException(spec.commandLine(), "--trees must be ≥ 1, got " + trees);
    }
    if (!(testShare > 0 && testShare < 1)) {
      throw new ParameterException(spec.commandLine(), "--test-share must be in (0, 1), got " + testShare);
    }
    if (!(topK > 0 && topK < 1)) {
      throw new ParameterException(spec.commandLine(), "--top-k must be in (0, 1), got " + topK);
    }
    if (controlValue != null && treatmentValue == null) {
      throw new ParameterException(spec.commandLine(), "--control-value needs --treatment-value");
    }
    if (!Files.isRegularFile(data)) {
      throw new ParameterException(spec.commandLine(), "--data: no such file: " + data);
    }
    List<String> names = features.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
    if (names.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--features: give at least one column");
    }
    BaseModel model = family == BaseModel.Family.GBT ? BaseModel.gbt().withTrees(trees) : BaseModel.logistic();
    long start = System.nanoTime();
    Progress.info("reading " + data);
    UpliftTable table;
    try {
      table = UpliftCsv.read(data, new TableSpec(treatmentCol, treatmentValue, controlValue, outcome, names),
          Progress::info);
    } catch (MissingColumnException e) {
      String option = e.column().equals(treatmentCol) ? "--treatment-col"
          : e.column().equals(outcome) ? "--outcome" : "--features";
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
    for (String w : table.warnings()) {
      spec.commandLine().getErr().println("warning: " + w);
    }
    double readSeconds = (System.nanoTime() - start) / 1e9;
    Progress.info(String.format(Locale.ROOT, "read %d rows (%d skipped), %d encoded features in %.1f s", table.size(),
        table.skipped(), table.featureNames().size(), readSeconds));
    UpliftAnalysis.Settings settings = new UpliftAnalysis.Settings(kind, model, testShare, seed, topK);
    UpliftAnalysis.Result r = UpliftAnalysis.run(table, settings, Progress::info);
    double seconds = (System.nanoTime() - start) / 1e9;
    print(table, r, seconds);
    write(table, r);
    return 0;
  }

  private <T> T option(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), name + ": " + e.getMessage());
    }
  }

  private void print(UpliftTable table, UpliftAnalysis.Result r, double seconds) {
    PrintWriter o = spec.commandLine().getOut();
    int treated = Arrays.stream(table.t()).sum();
    o.printf(Locale.ROOT, "%s, %d rows (%d treated, %d control%s); features: %s%n", table.source(), table.size(),
        treated, table.size() - treated, table.skipped() > 0 ? ", " + table.skipped() + " skipped" : "",
        String.join(", ", table.featureNames()));
    o.printf(Locale.ROOT, "%s on %s, %d training / %d holdout rows (seed %d), %.1f s%n",
        r.settings().learner().label(), r.settings().base().family().name().toLowerCase(Locale.ROOT), r.trainRows(),
        r.testRows(), r.settings().seed(), seconds);
    o.printf(Locale.ROOT, "holdout: Qini coefficient %.4f, AUUC %.4f, uplift@%.0f%% %+.4f%n", r.qini(), r.auuc(),
        100 * r.settings().topK(), r.upliftAtK());
    TargetingPolicy.Result p = r.policy();
    o.printf(Locale.ROOT,
        "policy: treat the top %.0f%% (%.0f of %d members): uplift %+.4f ± %.4f (SE) per member → %.1f extra outcomes "
            + "(95%% CI %.1f to %.1f); random targeting at the same reach: %.1f (%+.4f per member); gain %+.0f%%%n",
        100 * p.share(), p.reach(), p.population(), p.upliftInTarget(), p.se(), p.incremental(), p.low(), p.high(),
        p.randomIncremental(), p.randomUplift(), 100 * p.gainOverRandom());
    o.println("decile  n_treat  n_ctrl  rate_treat  rate_ctrl   uplift  std_uplift  mean_predicted");
    for (UpliftMetrics.Bin b : r.deciles()) {
      o.printf(Locale.ROOT, "%-7s %7d %7d  %10.4f %10.4f %+8.4f %11.4f %+15.4f%n", b.percentile(), b.nTreated(),
          b.nControl(), b.rateTreated(), b.rateControl(), b.uplift(), b.stdUplift(), b.meanPredicted());
    }
    o.flush();
  }

  private void write(UpliftTable table, UpliftAnalysis.Result r) {
    TargetingPolicy.Result p = r.policy();
    List<List<?>> summary = new ArrayList<>();
    summary.add(List.of("rows", table.size()));
    summary.add(List.of("train_rows", r.trainRows()));
    summary.add(List.of("holdout_rows", r.testRows()));
    summary.add(List.of("qini_coefficient", r.qini()));
    summary.add(List.of("auuc", r.auuc()));
    summary.add(List.of("uplift_at_k", r.upliftAtK()));
    summary.add(List.of("top_k", p.share()));
    summary.add(List.of("policy_uplift", p.upliftInTarget()));
    summary.add(List.of("policy_uplift_se", p.se()));
    summary.add(List.of("policy_reach", p.reach()));
    summary.add(List.of("policy_incremental", p.incremental()));
    summary.add(List.of("policy_incremental_low", p.low()));
    summary.add(List.of("policy_incremental_high", p.high()));
    summary.add(List.of("random_incremental", p.randomIncremental()));
    summary.add(List.of("gain_over_random", p.gainOverRandom()));
    CsvWriter.write(out.resolve("summary.csv"), List.of("metric", "value"), summary);
    CsvWriter.write(out.resolve("deciles.csv"),
        List.of("decile", "percentile", "n_treatment", "n_control", "rate_treatment", "rate_control", "uplift",
            "std_uplift", "mean_predicted"),
        r.deciles().stream().map(b -> List.<Object>of(b.bin(), b.percentile(), b.nTreated(), b.nControl(),
            b.rateTreated(), b.rateControl(), b.uplift(), b.stdUplift(), b.meanPredicted())).toList());
    CsvWriter.write(out.resolve("qini_curve.csv"), List.of("share", "n", "qini", "random"),
        r.qiniCurve().stream().map(c -> List.<Object>of(c.share(), c.n(), c.qini(), c.random())).toList());
    if (predictions) {
      try (CsvWriter w = CsvWriter.open(out.resolve("predictions.csv"),
          List.of("line", "split", "treatment", "outcome", "uplift"))) {
        for (int i = 0; i < table.size(); i++) {
          w.row(table.lines()[i], r.isTest()[i] ? "test" : "train", table.t()[i], table.y()[i], r.upliftAll()[i]);
        }
      }
    }
    Progress.info("wrote " + out.toAbsolutePath());
  }
}
