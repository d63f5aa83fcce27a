package io.triangulate.evaluate;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.csv.CsvWriter;
import io.triangulate.core.db.Database;
import io.triangulate.core.sql.MartsConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score every campaign's estimated incremental orders against the simulator's truth.",
      "",
      "Writes DIR/evaluation.csv (campaign_id, true_incremental_orders, est_incremental_orders,",
      "ci_low, ci_high, covered, then the same for revenue) and prints the share of 95%% intervals",
      "that contain the truth; DIR/experiment_depth_evaluation.csv scores the CUPED intervals and the",
      "LTV uplift (revenue per treated member over the observed horizon) the same way, leaving out",
      "campaigns that fail the sample-ratio check. Then, when they ran: the MMM's channel ROAS, and",
      "every attribution model's credit, uncalibrated, calibrated by the experiments and calibrated with",
      "each campaign's own experiment left out, against the true incremental orders per campaign, per",
      "channel and in total (DIR/attribution_evaluation.csv; the target is within 20%% of the truth).",
      "Only meaningful on simulated data."
    })
public final class EvaluateCommand implements Callable<Integer> {

  public static final String FILE = "evaluation.csv";

  /** The sample-ratio threshold of configs/decisions.yaml's default (evaluate does not depend on decide). */
  private static final double SRM_MAX_P_VALUE = 0.001;

  @Mixin private CommonOptions common;

  @Option(names = "--ds", paramLabel = "YYYY-MM-DD", description = "Decision date to score (default: the latest with estimates).")
  private LocalDate ds;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  public Integer call() {
    try (Database db = common.openDatabase()) {
      TruthComparison comparison = new TruthComparison(db.dsl(), MartsConfig.load(common.configs()));
      LocalDate day =
          ds != null
              ? ds
              : comparison.latestEstimateDate().orElseThrow(() -> new TaskFailure(
                  "no experiment estimates in marts.experiment_lift; run the pipeline first (e.g. triangulate demo)"));
      List<CampaignScore> scores = comparison.scores(day);
      if (scores.isEmpty()) {
        throw new TaskFailure("no experiment estimates for " + day + " to score");
      }
      write(scores, out.resolve(FILE));
      Coverage c = Coverage.of(scores);
      System.out.println(summary(day, scores, c));
      String depth = new ExperimentDepthEvaluation(db.dsl(), MartsConfig.load(common.configs()))
          .report(out, day, SRM_MAX_P_VALUE);
      if (!depth.isEmpty()) {
        System.out.println(depth);
      }
      new MmmEvaluation(db.dsl()).report(out); // MMM channel ROAS vs truth, when an MMM was fitted
      new AttributionEvaluation(db.dsl()).report(out, day); // attribution models and identity vs truth
      Progress.info("wrote " + out.resolve(FILE).toAbsolutePath());
    }
    return 0;
  }

  public static void write(List<CampaignScore> scores, Path file) {
    try (CsvWriter w = CsvWriter.open(file, List.of(
        "campaign_id", "true_incremental_orders", "est_incremental_orders", "ci_low", "ci_high", "covered",
        "true_incremental_revenue", "est_incremental_revenue", "revenue_ci_low", "revenue_ci_high", "revenue_covered"))) {
      for (CampaignScore s : scores) {
        w.row(s.campaignId(), s.trueIncrementalOrders(), s.estIncrementalOrders(), s.ciLow(), s.ciHigh(), s.covered(),
            s.trueIncrementalRevenue(), s.estIncrementalRevenue(), s.revenueCiLow(), s.revenueCiHigh(), s.revenueCovered());
      }
    }
  }

  public static String summary(LocalDate day, List<CampaignScore> scores, Coverage c) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Estimates on %s against the simulator's truth (incremental orders):%n", day));
    b.append(String.format(Locale.ROOT, "  %-6s %10s %10s %23s %s%n", "id", "truth", "estimate", "95% interval", "covered"));
    for (CampaignScore s : scores) {
      b.append(String.format(Locale.ROOT, "  %-6s %10.1f %10.1f  [%9.1f, %9.1f]  %s%n",
          s.campaignId(), s.trueIncrementalOrders(), s.estIncrementalOrders(), s.ciLow(), s.ciHigh(), s.covered() ? "yes" : "NO"));
    }
    b.append(String.format(Locale.ROOT,
        "  intervals covering the truth: %d of %d (%.0f%%) for orders, %d of %d (%.0f%%) for revenue; nominal 95%%",
        c.covered(), c.campaigns(), 100 * c.share(), c.revenueCovered(), c.campaigns(), 100 * c.revenueShare()));
    return b.toString();
  }
}
