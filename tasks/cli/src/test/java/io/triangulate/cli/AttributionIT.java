package io.triangulate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.db.Database;
import io.triangulate.core.db.TableChecksum;
import io.triangulate.evaluate.AttributionEvaluation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity resolution, journeys and attribution through the whole pipeline on a small simulated
 * world, scored against the simulator's truth.
 */
class AttributionIT {

  private static final LocalDate LAST = LocalDate.parse("2026-01-25");

  @TempDir static Path dir;
  static TestWorld world;

  @BeforeAll
  static void runPipeline() {
    Progress.setQuiet(true);
    world = TestWorld.create(dir, Map.of("members", "8000", "days", "21", "min_days", "10", "max_days", "14"));
    assertEquals(0, world.cli("run", "--from", "2026-01-05", "--to", LAST.toString(), "--skip", "decide"));
  }

  /**
   * Every link is observed by the period's last day, and links are truthful, so the resolution
   * should never join two people (precision 1). Recall is set by the link coverage of
   * configs/simulation.yaml: with cookies per member weighted 0.4/0.35/0.25 for 1/2/3, 60% of
   * cookies logged in and half the members having a streaming id of which half is linked, the
   * expected share of a member's id pairs that end up in one component is
   * E[C(1 + linked, 2)] / E[C(1 + ids, 2)] = 0.4648. Over 8,000 members the sampling sd is about
   * 0.005; ±0.03 leaves room for that and catches a resolution that drops or invents links.
   */
  @Test
  void resolutionIsPreciseAndRecallMatchesTheLinkCoverage() {
    try (Database db = world.open()) {
      AttributionEvaluation.IdentityScore score = new AttributionEvaluation(db.dsl()).identity(LAST);
      assertTrue(score.ids() > 8000, "person-level ids: " + score.ids());
      assertTrue(score.precision() >= 0.99, "precision " + score.precision());
      assertEquals(0.4648, score.recall(), 0.03, "recall");
    }
  }

  /**
   * Platforms target likely buyers and credit every conversion that follows a touch, while the
   * truth counts only the orders the ads caused: summed over campaigns every model credits more
   * conversions than the true incremental orders, and campaigns whose true lift is zero or
   * negative still receive credit.
   */
  @Test
  void everyModelOverCreditsAgainstTheTruth() {
    try (Database db = world.open()) {
      List<AttributionEvaluation.ModelTruthScore> scores = new AttributionEvaluation(db.dsl()).scores(LAST);
      assertTrue(scores.size() >= 5, "models scored: " + scores);
      for (AttributionEvaluation.ModelTruthScore s : scores) {
        assertTrue(s.creditedTotal() > 1.5 * Math.max(s.trueTotal(), 1), s.model() + ": credited " + s.creditedTotal()
            + " against true " + s.trueTotal());
      }
      DSLContext dsl = db.dsl();
      Double creditToIneffective = dsl.fetchSingle(
          """
          select sum(c.conversions) from marts.attribution_credit c
          join truth.campaign_params p on p.campaign_id = c.label
          where c.ds = ? and c.level = 'campaign' and c.model = 'last_touch' and p.lift_kind in ('zero', 'negative')""",
          LAST).get(0, Double.class);
      assertTrue(creditToIneffective != null && creditToIneffective > 0,
          "last touch credits campaigns that caused nothing: " + creditToIneffective);
    }
  }

  /** One comparison row per model for every campaign whose experiment has a result, and one closest model each. */
  @Test
  void comparisonCoversEveryCampaignWithAnExperiment() {
    try (Database db = world.open()) {
      DSLContext dsl = db.dsl();
      long experiments = dsl.fetchSingle(
          "select count(distinct campaign_id) from marts.experiment_lift where ds = ? and segment_type = 'all'", LAST)
          .get(0, Long.class);
      long compared = dsl.fetchSingle(
          "select count(distinct scope_id) from marts.attribution_vs_experiment where ds = ? and scope = 'campaign'"
              + " and incremental_orders is not null", LAST).get(0, Long.class);
      long closest = dsl.fetchSingle(
          "select count(*) from marts.attribution_vs_experiment where ds = ? and scope = 'campaign' and closest", LAST)
          .get(0, Long.class);
      assertTrue(experiments >= 6, "campaigns with an experiment: " + experiments);
      assertEquals(experiments, compared);
      assertTrue(closest >= compared, "each compared campaign names its closest model");
    }
  }

  @Test
  void rerunningTheDayLeavesIdenticalTables() {
    List<String> tables = List.of("marts.identity_resolution", "marts.journey_touchpoints", "marts.journeys",
        "marts.path_counts", "marts.attribution_credit", "marts.attribution_vs_experiment",
        "marts.attribution_calibrated");
    List<String> before;
    try (Database db = world.open()) {
      before = tables.stream().map(t -> TableChecksum.of(db.dsl(), t)).toList();
    }
    assertEquals(0, world.cli("attribute", "--ds", LAST.toString()));
    try (Database db = world.open()) {
      assertEquals(before, tables.stream().map(t -> TableChecksum.of(db.dsl(), t)).toList());
    }
  }
}
