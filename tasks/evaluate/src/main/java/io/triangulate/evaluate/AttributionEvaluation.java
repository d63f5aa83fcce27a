package io.triangulate.evaluate;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Scores every attribution model against the simulator's truth: each model's campaign credit
 * (marts.attribution_credit, campaign level, the window the models ran on) beside the true
 * incremental orders of the campaign over the same days (truth.campaign_daily): error per campaign,
 * mean absolute error and Spearman rank correlation across campaigns. Also the identity resolution's
 * pairwise precision and recall against truth.identity. Silent when attribute has not run.
 */
public final class AttributionEvaluation {

  public static final String FILE = "attribution_evaluation.csv";
  public static final String IDENTITY_FILE = "identity_evaluation.csv";

  private static final String CREDIT_SQL =
      """
      with truth as (
          select t.campaign_id, sum(t.true_incremental_orders) as true_orders
          from truth.campaign_daily t
          join marts.attribution_runs r on r.ds = ? and r.level = 'campaign'
          where t.ds between r.window_start and r.ds
          group by t.campaign_id
      )
      select m.model, t.campaign_id, t.true_orders, coalesce(c.conversions, 0) as credited
      from truth t
      cross join (select distinct model from marts.attribution_credit where ds = ? and level = 'campaign') m
      left join marts.attribution_credit c
        on c.ds = ? and c.level = 'campaign' and c.model = m.model and c.label = t.campaign_id
      order by m.model, t.campaign_id""";

  /**
   * Pairs of person-level ids (member, cookie, streaming_user) in the same resolved person versus in
   * the same true member. A node never linked is its own cluster.
   */
  private static final String IDENTITY_SQL =
      """
      with nodes as (
          select i.id_type || ':' || i.id as node, i.member_id as true_member,
                 coalesce(r.person_key, i.id_type || ':' || i.id) as cluster
          from truth.identity i
          left join lateral (
              select person_key from marts.identity_resolution r
              where r.node = i.id_type || ':' || i.id and r.ds <= ?
              order by r.ds desc limit 1
          ) r on true
          where i.id_type in ('member', 'cookie', 'streaming_user')
      ),
      resolved as (select count(*) as n from nodes group by cluster),
      actual as (select count(*) as n from nodes group by true_member),
      agreed as (select count(*) as n from nodes group by cluster, true_member)
      select (select coalesce(sum(n * (n - 1) / 2), 0) from resolved)::double precision as resolved_pairs,
             (select coalesce(sum(n * (n - 1) / 2), 0) from actual)::double precision   as true_pairs,
             (select coalesce(sum(n * (n - 1) / 2), 0) from agreed)::double precision   as agreed_pairs,
             (select count(*) from nodes)                                              as ids""";

  /** One model's score over the campaigns. */
  public record ModelTruthScore(String model, int campaigns, double meanAbsError, double spearman,
      double creditedTotal, double trueTotal) {}

  /** Pairwise precision and recall of the identity resolution. */
  public record IdentityScore(long ids, double resolvedPairs, double truePairs, double agreedPairs) {
    public double precision() {
      return resolvedPairs == 0 ? Double.NaN : agreedPairs / resolvedPairs;
    }

    public double recall() {
      return truePairs == 0 ? Double.NaN : agreedPairs / truePairs;
    }
  }

  private final DSLContext dsl;

  public AttributionEvaluation(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Each model's score against the true incremental orders of the campaigns in {@code ds}'s window. */
  public List<ModelTruthScore> scores(LocalDate ds) {
    return scores(dsl.fetch(CREDIT_SQL, ds, ds, ds));
  }

  /** Prints and writes the scores for {@code ds} into {@code out}, when there is anything to score. */
  public void report(Path out, LocalDate ds) {
    List<Record> rows = dsl.fetch(CREDIT_SQL, ds, ds, ds);
    if (rows.isEmpty()) {
      return;
    }
    try (CsvWriter w = CsvWriter.open(out.resolve(FILE),
        List.of("model", "campaign_id", "true_incremental_orders", "credited_conversions", "error"))) {
      for (Record r : rows) {
        double truth = r.get("true_orders", Double.class);
        double credited = r.get("credited", Double.class);
        w.row(r.get("model", String.class), r.get("campaign_id", String.class), truth, credited, credited - truth);
      }
    }
    List<ModelTruthScore> scores = scores(rows);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "%nAttribution models on %s against true incremental orders per campaign:%n  %-20s %9s %9s %10s %10s%n",
        ds, "model", "MAE", "Spearman", "credited", "truth"));
    for (ModelTruthScore s : scores) {
      b.append(String.format(Locale.ROOT, "  %-20s %9.1f %9.2f %10.1f %10.1f%n",
          s.model(), s.meanAbsError(), s.spearman(), s.creditedTotal(), s.trueTotal()));
    }
    IdentityScore identity = identity(ds);
    if (identity.ids() > 0) {
      b.append(String.format(Locale.ROOT,
          "Identity resolution: pairwise precision %.3f, recall %.3f over %,d person-level ids%n",
          identity.precision(), identity.recall(), identity.ids()));
      try (CsvWriter w = CsvWriter.open(out.resolve(IDENTITY_FILE),
          List.of("ids", "resolved_pairs", "true_pairs", "agreed_pairs", "precision", "recall"))) {
        w.row(identity.ids(), identity.resolvedPairs(), identity.truePairs(), identity.agreedPairs(),
            identity.precision(), identity.recall());
      }
    }
    System.out.print(b);
    Progress.info("wrote " + out.resolve(FILE).toAbsolutePath());
  }

  public IdentityScore identity(LocalDate ds) {
    Record r = dsl.fetchSingle(IDENTITY_SQL, ds);
    return new IdentityScore(r.get("ids", Long.class), r.get("resolved_pairs", Double.class),
        r.get("true_pairs", Double.class), r.get("agreed_pairs", Double.class));
  }

  static List<ModelTruthScore> scores(List<Record> rows) {
    Map<String, List<double[]>> byModel = new LinkedHashMap<>();
    for (Record r : rows) {
      byModel.computeIfAbsent(r.get("model", String.class), m -> new ArrayList<>())
          .add(new double[] {r.get("credited", Double.class), r.get("true_orders", Double.class)});
    }
    List<ModelTruthScore> scores = new ArrayList<>();
    byModel.forEach((model, pairs) -> {
      double[] credited = pairs.stream().mapToDouble(p -> p[0]).toArray();
      double[] truth = pairs.stream().mapToDouble(p -> p[1]).toArray();
      double mae = 0;
      for (int i = 0; i < credited.length; i++) {
        mae += Math.abs(credited[i] - truth[i]) / credited.length;
      }
      scores.add(new ModelTruthScore(model, credited.length, mae, RankCorrelation.spearman(credited, truth),
          java.util.Arrays.stream(credited).sum(), java.util.Arrays.stream(truth).sum()));
    });
    return scores;
  }
}
