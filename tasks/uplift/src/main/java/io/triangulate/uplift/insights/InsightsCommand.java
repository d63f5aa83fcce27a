package io.triangulate.uplift.insights;

import static io.triangulate.db.marts.Tables.UPLIFT_FEATURES;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.Database;
import io.triangulate.core.sql.MartsConfig;
import io.triangulate.core.sql.SqlModel;
import io.triangulate.core.sql.SqlModelMaterializer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triangulate uplift insights --ds D}: creative and audience insights. */
@Command(
    name = "insights",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pipeline task (after `uplift run` for the same --ds): creative and audience insights.",
      "",
      "Creatives: builds marts.creative_stats from sql/marts/models/creative_stats.sql, then per creative CTR, CVR"
          + " and lift with 95% intervals, winners and losers against the campaign's other creatives (Holm-adjusted"
          + " within the campaign), a rotate-to recommendation per campaign (marts.creative_insights) and the"
          + " creative features' effects on log CTR and on lift by ridge regression with 95% intervals"
          + " (marts.creative_feature_effects).",
      "Audiences: k-means clusters of members by purchase behaviour, lift per cluster and campaign (and pooled)"
          + " with 95% intervals and target / exclude / test_more (marts.audience_insights).",
      ""
    })
public final class InsightsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--ds", required = true, paramLabel = "YYYY-MM-DD", description = "The day of the uplift run to read.")
  LocalDate ds;

  @Option(names = "--seed", defaultValue = "12", paramLabel = "N", description = "Seed of the k-means restarts (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write creative_insights.csv, creative_feature_effects.csv and audience_insights.csv here.")
  java.nio.file.Path out;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    MartsConfig marts = MartsConfig.load(common.configs());
    try (Database db = common.openDatabase()) {
      if (db.dsl().fetchCount(UPLIFT_FEATURES, UPLIFT_FEATURES.DS.eq(ds)) == 0) {
        throw new TaskFailure("uplift insights: marts.uplift_features has no rows for " + ds
            + "; run `triangulate uplift run --ds " + ds + "` first");
      }
      new SqlModelMaterializer(db.dsl()).materialize(List.of(SqlModel.load("creative_stats")), ds, marts.parameters(),
          r -> Progress.info(String.format(Locale.ROOT, "creative_stats %,d rows in %,d ms", r.rows(), r.millis())));
      db.dsl().deleteFrom(io.triangulate.db.marts.Tables.CREATIVE_STATS)
          .where(io.triangulate.db.marts.Tables.CREATIVE_STATS.DS.ne(ds)).execute();
      CreativeInsights.Result creatives = new CreativeInsights(db.dsl()).run(ds);
      creatives.recommendation().forEach((campaign, advice) -> Progress.info("creatives " + campaign + ": " + advice));
      for (CreativeInsights.Effect e : creatives.effects()) {
        Progress.info(String.format(Locale.ROOT, "creative feature %-8s %-30s %+.4f [%+.4f, %+.4f]", e.metric(), e.feature(),
            e.estimate(), e.low(), e.high()));
      }
      List<AudienceInsights.Segment> segments = new AudienceInsights(db.dsl()).run(ds, seed);
      for (AudienceInsights.Segment s : segments) {
        if (s.campaignId().equals(AudienceInsights.ALL)) {
          Progress.info(String.format(Locale.ROOT, "audience cluster %d (%s): %,d rows, lift %+.2f pp [%+.2f, %+.2f] -> %s",
              s.cluster(), s.label(), s.members(), 100 * s.lift(), 100 * s.low(), 100 * s.high(), s.decision()));
        }
      }
      if (out != null) {
        InsightExports.write(out, creatives, segments);
        Progress.info("wrote creative_insights.csv, creative_feature_effects.csv, audience_insights.csv to " + out.toAbsolutePath());
      }
      Progress.info(String.format(Locale.ROOT, "uplift insights: %d creatives, %d audience rows in %.1f s",
          creatives.insights().size(), segments.size(), (System.nanoTime() - started) / 1e9));
      return 0;
    } catch (DataAccessException | IllegalArgumentException e) {
      throw new TaskFailure("uplift insights failed: " + e.getMessage(), e);
    }
  }
}
