package io.triangulate.uplift.warehouse;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.uplift.model.BaseModel;
import io.triangulate.uplift.model.Learner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code triangulate uplift run --ds D}: uplift models for every campaign of the warehouse. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pipeline task: uplift models per campaign on the warehouse's experiments.",
      "",
      "Builds marts.uplift_features for --ds from sql/marts/models/uplift_features.sql (each member of a campaign's"
          + " experiment population with its arm, outcome so far and pre-exposure features), then per campaign fits"
          + " every --learners learner on a seeded half and scores it on the other half. Writes marts.uplift_results"
          + " (Qini, AUUC, uplift@k, the top-k policy's expected incremental converters with a 95% interval, against"
          + " random targeting), marts.uplift_deciles, marts.uplift_qini_curve and marts.uplift_scores. Re-running"
          + " replaces every row.",
      ""
    })
public final class UpliftRunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--ds", required = true, paramLabel = "YYYY-MM-DD", description = "The day: outcomes count through it.")
  LocalDate ds;

  @Option(names = "--learners", defaultValue = "s,t,x,dr", split = ",", paramLabel = "s,t,x,dr",
      description = "Meta-learners to fit per campaign (default: ${DEFAULT-VALUE}).")
  List<String> learners;

  @Option(names = "--base", defaultValue = "logistic", paramLabel = "logistic|gbt",
      description = "Nuisance models (default: ${DEFAULT-VALUE}; gbt is ~10x slower on the demo world).")
  String base;

  @Option(names = "--trees", defaultValue = "50", paramLabel = "N", description = "Boosting: trees per model (default: ${DEFAULT-VALUE}).")
  int trees;

  @Option(names = "--test-share", defaultValue = "0.5", paramLabel = "F",
      description = "Share of each campaign's members held out for the metrics (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--top-k", defaultValue = "0.3", paramLabel = "F",
      description = "Share the policy treats, and the k of uplift@k (default: ${DEFAULT-VALUE}).")
  double topK;

  @Option(names = "--seed", defaultValue = "12", paramLabel = "N", description = "Seed of split, folds and boosting (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    List<Learner> parsed = new ArrayList<>();
    BaseModel baseModel;
    try {
      for (String l : learners) {
        parsed.add(Learner.parse(l.strip()));
      }
      baseModel = BaseModel.defaults(BaseModel.Family.parse(base));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (baseModel.family() == BaseModel.Family.GBT) {
      if (trees < 1) {
        throw new ParameterException(spec.commandLine(), "--trees must be >= 1, got " + trees);
      }
      baseModel = baseModel.withTrees(trees);
    }
    if (!(testShare > 0 && testShare < 1) || !(topK > 0 && topK < 1)) {
      throw new ParameterException(spec.commandLine(), "--test-share and --top-k must be strictly between 0 and 1");
    }
    long started = System.nanoTime();
    MartsConfig marts = MartsConfig.load(common.configs());
    try (Database db = common.openDatabase()) {
      var fits = new WarehouseUplift(db.dsl()).run(ds, marts.parameters(),
          new WarehouseUplift.Settings(List.copyOf(parsed), baseModel, testShare, seed, topK), Progress::info);
      long campaigns = fits.stream().map(WarehouseUplift.Fit::campaignId).distinct().count();
      Progress.info(String.format(Locale.ROOT, "uplift: %d campaigns, %d fits into marts.uplift_results in %.1f s", campaigns,
          fits.stream().filter(f -> f.analysis() != null).count(), (System.nanoTime() - started) / 1e9));
      return 0;
    } catch (DataAccessException | IllegalArgumentException e) {
      throw new TaskFailure("uplift run failed: " + e.getMessage(), e);
    }
  }
}
