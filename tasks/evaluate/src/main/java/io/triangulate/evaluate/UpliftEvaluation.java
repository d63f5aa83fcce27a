package io.triangulate.evaluate;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.csv.CsvWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Scores the uplift models of marts.uplift_scores against each member's true uplift
 * (truth.member_uplift: expected incremental orders had the member been treated; a member the
 * simulator never reached has 0). On each campaign's holdout half (rows the learner did not train
 * on), per learner: Pearson and Spearman correlation of predicted and true uplift, and the true
 * incremental orders of "treat the top k% by predicted uplift" against random targeting at the same
 * reach (k × the holdout's total truth) and the oracle (the k% with the largest true uplift).
 *
 * <p>The pooled gain is Σ policy ÷ Σ random − 1 over the campaigns whose true effect is positive:
 * for a zero-effect campaign random targeting gains nothing (the ratio is undefined), and for a
 * negative one the best policy is to treat nobody.
 *
 * <p>Also checks the simulator's consistency: per campaign, the member truth of the treated members
 * adds up to truth.campaign_daily over the same days.
 */
public final class UpliftEvaluation {

  public static final String FILE = "uplift_evaluation.csv";

  public record Score(
      String campaignId, String learner, int holdoutMembers, double trueIncremental, double pearson, double spearman,
      int reach, double policyTrue, double randomTrue, double oracleTrue) {

    /** policy ÷ random − 1; NaN when random targeting gains nothing (a zero or negative true effect). */
    public double gainOverRandom() {
      return randomTrue > 0 ? policyTrue / randomTrue - 1 : Double.NaN;
    }
  }

  /** Per learner over the positive-truth campaigns: Σ policy, Σ random, mean Spearman. */
  public record Pooled(String learner, int campaigns, double policyTrue, double randomTrue, double meanSpearman) {
    public double gainOverRandom() {
      return policyTrue / randomTrue - 1;
    }
  }

  private static final String SQL = "select s.campaign_id, s.learner, s.predicted_uplift,"
      + " coalesce(t.true_incremental_orders, 0) as true_uplift, r.top_k"
      + " from marts.uplift_scores s"
      + " join marts.uplift_results r on r.ds = s.ds and r.campaign_id = s.campaign_id and r.learner = s.learner"
      + " left join truth.member_uplift t on t.campaign_id = s.campaign_id and t.member_id = s.member_id"
      + " where s.holdout order by s.campaign_id, s.learner, s.member_id";

  private static final String CONSISTENCY_SQL = "select m.campaign_id, m.member_total, d.daily_total from"
      + " (select campaign_id, sum(true_incremental_orders) as member_total from truth.member_uplift"
      + "   where arm = 'treatment' group by campaign_id) m"
      + " join (select campaign_id, sum(true_incremental_orders) as daily_total from truth.campaign_daily"
      + "   group by campaign_id) d on d.campaign_id = m.campaign_id order by m.campaign_id";

  private final DSLContext dsl;

  public UpliftEvaluation(DSLContext dsl) {
    this.dsl = dsl;
  }

  public List<Score> scores() {
    Map<String, List<Record>> groups = new LinkedHashMap<>();
    for (Record r : dsl.fetch(SQL)) {
      groups.computeIfAbsent(r.get("campaign_id", String.class) + "\u0000" + r.get("learner", String.class),
          k -> new ArrayList<>()).add(r);
    }
    List<Score> scores = new ArrayList<>();
    for (List<Record> rows : groups.values()) {
      int n = rows.size();
      double[] predicted = new double[n];
      double[] truth = new double[n];
      for (int i = 0; i < n; i++) {
        predicted[i] = rows.get(i).get("predicted_uplift", Double.class);
        truth[i] = rows.get(i).get("true_uplift", Double.class);
      }
      double k = rows.get(0).get("top_k", Double.class);
      scores.add(score(rows.get(0).get("campaign_id", String.class), rows.get(0).get("learner", String.class), predicted,
          truth, k));
    }
    return scores;
  }

  /** One campaign × learner; ties in the prediction are broken by row order (members in id order). */
  static Score score(String campaignId, String learner, double[] predicted, double[] truth, double k) {
    int n = predicted.length;
    int reach = (int) (n * k);
    Integer[] byPrediction = order(predicted);
    Integer[] byTruth = order(truth);
    double policy = 0;
    double oracle = 0;
    for (int i = 0; i < reach; i++) {
      policy += truth[byPrediction[i]];
      oracle += truth[byTruth[i]];
    }
    double total = Arrays.stream(truth).sum();
    boolean constant = Arrays.stream(predicted).distinct().count() < 2 || Arrays.stream(truth).distinct().count() < 2;
    return new Score(campaignId, learner, n, total, constant ? Double.NaN : RankCorrelation.pearson(predicted, truth),
        constant ? Double.NaN : RankCorrelation.spearman(predicted, truth), reach, policy, total * reach / n, oracle);
  }

  private static Integer[] order(double[] values) {
    Integer[] idx = new Integer[values.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -values[i]));
    return idx;
  }

  public static List<Pooled> pooled(List<Score> scores) {
    Map<String, List<Score>> byLearner = new LinkedHashMap<>();
    for (Score s : scores) {
      if (s.randomTrue() > 0) {
        byLearner.computeIfAbsent(s.learner(), k -> new ArrayList<>()).add(s);
      }
    }
    List<Pooled> result = new ArrayList<>();
    byLearner.forEach((learner, list) -> result.add(new Pooled(learner, list.size(),
        list.stream().mapToDouble(Score::policyTrue).sum(), list.stream().mapToDouble(Score::randomTrue).sum(),
        list.stream().mapToDouble(Score::spearman).filter(Double::isFinite).average().orElse(Double.NaN))));
    return result;
  }

  /** Largest |Σ member truth (treated) ÷ Σ daily truth − 1| over campaigns with a non-zero effect; NaN if none. */
  public double worstConsistency() {
    double worst = Double.NaN;
    for (Record r : dsl.fetch(CONSISTENCY_SQL)) {
      double member = r.get("member_total", Double.class);
      double daily = r.get("daily_total", Double.class);
      if (Math.abs(daily) > 1e-9) {
        double err = Math.abs(member / daily - 1);
        worst = Double.isNaN(worst) ? err : Math.max(worst, err);
      }
    }
    return worst;
  }

  /** Writes {@link #FILE} into {@code dir} and prints the summary; does nothing without uplift scores. */
  public void report(Path dir) {
    List<Score> scores = scores();
    if (scores.isEmpty()) {
      return;
    }
    try (CsvWriter w = CsvWriter.open(dir.resolve(FILE), List.of("campaign_id", "learner", "holdout_members",
        "true_incremental_orders", "pearson", "spearman", "reach", "policy_true_incremental", "random_true_incremental",
        "oracle_true_incremental", "gain_over_random"))) {
      for (Score s : scores) {
        w.row(s.campaignId(), s.learner(), s.holdoutMembers(), s.trueIncremental(), s.pearson(), s.spearman(), s.reach(),
            s.policyTrue(), s.randomTrue(), s.oracleTrue(), s.gainOverRandom());
      }
    }
    System.out.println();
    System.out.print(summary(scores, worstConsistency()));
    Progress.info("wrote " + dir.resolve(FILE).toAbsolutePath());
  }

  static String summary(List<Score> scores, double consistency) {
    StringBuilder sb = new StringBuilder("Uplift models against each member's true uplift (holdout halves, campaigns with a"
        + " positive true effect):\n");
    List<Pooled> pooled = pooled(scores);
    for (Pooled p : pooled) {
      sb.append(String.format(Locale.ROOT, "  %-3s %2d campaigns: top-k policy %.1f true incremental orders vs %.1f random (%+.0f%%),"
          + " mean Spearman %.3f%n", p.learner(), p.campaigns(), p.policyTrue(), p.randomTrue(), 100 * p.gainOverRandom(),
          p.meanSpearman()));
    }
    pooled.stream().max(Comparator.comparingDouble(Pooled::gainOverRandom)).ifPresent(best -> sb.append(String.format(
        Locale.ROOT, "  best learner %s: %+.0f%% over random targeting at the same reach (target >= +30%%)%n", best.learner(),
        100 * best.gainOverRandom())));
    if (!Double.isNaN(consistency)) {
      sb.append(String.format(Locale.ROOT, "  member truth adds up to the campaign truth within %.2g (relative)%n", consistency));
    }
    return sb.toString();
  }
}
