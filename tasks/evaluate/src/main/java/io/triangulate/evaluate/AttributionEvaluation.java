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
      select m.model, t.campaign_id, p.channel, t.true_orders, coalesce(c.conversions, 0) as credited,
             k.calibrated_conversions, k.calibrated_ci_low, k.calibrated_ci_high, k.loo_calibrated_conversions,
             k.factor_source
      from truth t
      cross join (select distinct model from marts.attribution_credit where ds = ? and level = 'campaign') m
      left join staging.stg_campaigns p on p.campaign_id = t.campaign_id
      left join marts.attribution_credit c
        on c.ds = ? and c.level = 'campaign' and c.model = m.model and c.label = t.campaign_id
      left join marts.attribution_calibrated k
        on k.ds = ? and k.scope = 'campaign' and k.scope_id = t.campaign_id and k.model = m.model
      order by m.model, t.campaign_id""";

  /** Calibrated credit per media channel beside the channel's true incremental orders over the window. */
  private static final String CHANNEL_SQL =
      """
      with truth as (
          select t.channel, sum(t.true_incremental_orders) as true_orders
          from truth.channel_daily t
          join marts.attribution_runs r on r.ds = ? and r.level = 'campaign'
          where t.ds between r.window_start and r.ds
          group by t.channel
      )
      select k.model, k.scope_id as channel, coalesce(t.true_orders, 0) as true_orders,
             k.credited_conversions as credited, k.calibrated_conversions, k.calibrated_ci_low, k.calibrated_ci_high,
             k.loo_calibrated_conversions, k.factor_source
      from marts.attribution_calibrated k
      left join truth t on t.channel = k.scope_id
      where k.ds = ? and k.scope = 'channel'
      order by k.model, k.scope_id""";

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
    return scores(dsl.fetch(CREDIT_SQL, ds, ds, ds, ds));
  }

  /** Prints and writes the scores for {@code ds} into {@code out}, when there is anything to score. */
  public void report(Path out, LocalDate ds) {
    List<Record> rows = dsl.fetch(CREDIT_SQL, ds, ds, ds, ds);
    if (rows.isEmpty()) {
      return;
    }
    List<CalibrationScores.Row> campaigns = rows.stream().map(r -> calibrationRow(r, "campaign",
        r.get("campaign_id", String.class), r.get("channel", String.class))).toList();
    List<CalibrationScores.Row> channels = dsl.fetch(CHANNEL_SQL, ds, ds).stream()
        .map(r -> calibrationRow(r, "channel", r.get("channel", String.class), r.get("channel", String.class))).toList();
    try (CsvWriter w = CsvWriter.open(out.resolve(FILE), List.of("model", "scope", "id", "channel",
        "true_incremental_orders", "credited_conversions", "error", "calibrated_conversions", "calibrated_ci_low",
        "calibrated_ci_high", "calibrated_error", "loo_calibrated_conversions", "loo_error"))) {
      for (String model : rows.stream().map(r -> r.get("model", String.class)).distinct().toList()) {
        for (CalibrationScores.Row r : concat(campaigns, channels)) {
          if (r.model().equals(model)) {
            w.row(r.model(), r.scope(), r.id(), r.channel(), r.truth(), r.credited(), r.credited() - r.truth(),
                r.calibrated(), r.low(), r.high(), r.calibrated() - r.truth(), r.loo(), r.loo() - r.truth());
          }
        }
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
    if (!channels.isEmpty()) {
      b.append(calibrationReport(ds, CalibrationScores.summarise(campaigns, channels), channels));
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

  /** Calibrated attribution against the truth per model, with the leave-one-campaign-out version. */
  public List<CalibrationScores.Summary> calibrationScores(LocalDate ds) {
    List<CalibrationScores.Row> campaigns = dsl.fetch(CREDIT_SQL, ds, ds, ds, ds).stream().map(r -> calibrationRow(r,
        "campaign", r.get("campaign_id", String.class), r.get("channel", String.class))).toList();
    List<CalibrationScores.Row> channels = calibrationChannels(ds);
    return CalibrationScores.summarise(campaigns, channels);
  }

  /** Each model's calibrated credit per media channel beside the channel's truth. */
  public List<CalibrationScores.Row> calibrationChannels(LocalDate ds) {
    return dsl.fetch(CHANNEL_SQL, ds, ds).stream()
        .map(r -> calibrationRow(r, "channel", r.get("channel", String.class), r.get("channel", String.class))).toList();
  }

  private static CalibrationScores.Row calibrationRow(Record r, String scope, String id, String channel) {
    return new CalibrationScores.Row(r.get("model", String.class), scope, id, channel, r.get("true_orders", Double.class),
        r.get("credited", Double.class), num(r.get("calibrated_conversions", Double.class)),
        num(r.get("calibrated_ci_low", Double.class)), num(r.get("calibrated_ci_high", Double.class)),
        num(r.get("loo_calibrated_conversions", Double.class)));
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }

  private static List<CalibrationScores.Row> concat(List<CalibrationScores.Row> a, List<CalibrationScores.Row> b) {
    List<CalibrationScores.Row> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static String calibrationReport(LocalDate ds, List<CalibrationScores.Summary> summaries, List<CalibrationScores.Row> channels) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "%nCalibrated attribution on %s (credit x experiment factors pooled by channel) against true incremental orders."
            + "%nLOO: each campaign calibrated with its own experiment left out of the pool (the out-of-sample test)."
            + "%n  %-20s %26s %27s %19s %s%n  %-20s %8s %8s %8s %8s %8s %8s %8s %6s %6s %6s  %s%n",
        ds, "", "platform campaigns", "all media in journeys", "Spearman", "channels within 20%",
        "model", "truth", "credited", "calib.", "LOO", "truth", "calib.", "LOO", "cred.", "calib.", "LOO",
        "credited/calib./LOO"));
    for (CalibrationScores.Summary s : summaries) {
      b.append(String.format(Locale.ROOT, "  %-20s %8.1f %8.1f %8s %8s %8.1f %8s %8s %6.2f %6.2f %6.2f  %d/%d/%d of %d%n",
          s.model(), s.campaignsTruth(), s.campaignsCredited(), withError(s.campaignsCalibrated(), s.campaignsTruth()),
          withError(s.campaignsLoo(), s.campaignsTruth()), s.mediaTruth(), withError(s.mediaCalibrated(), s.mediaTruth()),
          withError(s.mediaLoo(), s.mediaTruth()), s.spearmanCredited(), s.spearmanCalibrated(), s.spearmanLoo(),
          s.channelsWithinCredited(), s.channelsWithin(), s.channelsWithinLoo(), s.channels()));
    }
    String model = summaries.stream()
        .min(java.util.Comparator.comparingDouble(s -> Math.abs(s.mediaCalibrated() - s.mediaTruth())))
        .map(CalibrationScores.Summary::model).orElse(null);
    b.append(String.format(Locale.ROOT, "  per channel, %s:%n  %-16s %8s %8s %10s %22s %10s%n", model, "channel",
        "truth", "credited", "calibrated", "95% interval", "LOO"));
    for (CalibrationScores.Row r : channels) {
      if (r.model().equals(model)) {
        b.append(String.format(Locale.ROOT, "  %-16s %8.1f %8.1f %10.1f  [%8.1f, %8.1f]  %10.1f  %s%n", r.channel(),
            r.truth(), r.credited(), r.calibrated(), r.low(), r.high(), r.loo(),
            CalibrationScores.within(r.calibrated(), r.truth()) ? "within 20%"
                : r.truth() == 0 ? String.format(Locale.ROOT, "truth 0: off by %+.0f", r.calibrated() - r.truth())
                : String.format(Locale.ROOT, "off by %+.0f%%", 100 * CalibrationScores.relativeError(r.calibrated(), r.truth()))));
      }
    }
    return b.toString();
  }

  /** The value and its relative error, e.g. "702 +15%", in 8 characters. */
  private static String withError(double value, double truth) {
    double e = CalibrationScores.relativeError(value, truth);
    return Double.isNaN(e) ? String.format(Locale.ROOT, "%8.0f", value)
        : String.format(Locale.ROOT, "%4.0f%+3.0f%%", value, 100 * e);
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
