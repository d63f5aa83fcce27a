package io.triangulate.uplift.insights;

import static io.triangulate.db.marts.Tables.CREATIVE_FEATURE_EFFECTS;
import static io.triangulate.db.marts.Tables.CREATIVE_INSIGHTS;
import static io.triangulate.db.marts.Tables.CREATIVE_STATS;

import io.triangulate.db.marts.tables.records.CreativeStatsRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Creative analytics on marts.creative_stats of one day.
 *
 * <p>Per creative: CTR (clicks ÷ impressions) and CVR (converting share of its treated members)
 * with Wilson 95% intervals, and its lift: the treated minus control conversion rate of the members
 * shown it (each member sees one creative, control members' ghost impressions log theirs, so this is
 * randomised within the creative), with a normal 95% interval.
 *
 * <p>Winners and losers: within each campaign, every creative against the pooled rest of the
 * campaign on lift (difference of lifts) and on CTR; the campaign's p-values are Holm-adjusted
 * together (2 tests per creative). A creative is a {@code winner}/{@code loser} on lift at adjusted
 * p &lt; 0.05, otherwise a {@code ctr_winner}/{@code ctr_loser} on CTR, otherwise
 * {@code no_difference}. The campaign rotates to its lift winner, or, with only losers, to the
 * non-loser of highest lift; otherwise it keeps the rotation: clicks are not what the campaign is
 * for, so a CTR difference alone never moves it.
 *
 * <p>Feature effects: weighted ridge regressions with campaign fixed effects and HC0 intervals over
 * the creatives of every campaign: of log CTR (weights: clicks, the inverse of log CTR's variance)
 * and of lift (weights: 1 ÷ the lift's variance), on the creatives' call to action and primary image
 * tag (dummies against the first level), video length beyond 15 s and a discount in the headline.
 */
public final class CreativeInsights {

  public static final double ALPHA = 0.05;
  /** Ridge penalty on the standardised weight scale (weights are rescaled to mean 1). */
  public static final double LAMBDA = 1.0;

  public record Insight(String campaignId, String creativeId, long impressions, long clicks, double ctr, double[] ctrCi,
      long treated, long control, double cvr, double[] cvrCi, double lift, double[] liftCi, double relativeLift,
      double ctrP, double ctrPAdj, double liftVsRest, double liftP, double liftPAdj, String verdict) {}

  public record Effect(String metric, String feature, double estimate, double low, double high) {}

  public record Result(List<Insight> insights, Map<String, String> rotateTo, Map<String, String> recommendation,
      List<Effect> effects) {}

  private final DSLContext dsl;

  public CreativeInsights(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Result run(LocalDate ds) {
    List<CreativeStatsRecord> stats = dsl.selectFrom(CREATIVE_STATS).where(CREATIVE_STATS.DS.eq(ds))
        .orderBy(CREATIVE_STATS.CAMPAIGN_ID, CREATIVE_STATS.CREATIVE_ID).fetch();
    Result result = analyse(stats);
    write(ds, result);
    return result;
  }

  static Result analyse(List<CreativeStatsRecord> stats) {
    Map<String, List<CreativeStatsRecord>> byCampaign = new LinkedHashMap<>();
    for (CreativeStatsRecord r : stats) {
      byCampaign.computeIfAbsent(r.getCampaignId(), k -> new ArrayList<>()).add(r);
    }
    List<Insight> insights = new ArrayList<>();
    Map<String, String> rotateTo = new LinkedHashMap<>();
    Map<String, String> advice = new LinkedHashMap<>();
    for (var entry : byCampaign.entrySet()) {
      List<Insight> campaign = campaignInsights(entry.getValue());
      insights.addAll(campaign);
      decide(entry.getKey(), campaign, rotateTo, advice);
    }
    return new Result(insights, rotateTo, advice, featureEffects(stats));
  }

  private static List<Insight> campaignInsights(List<CreativeStatsRecord> rows) {
    long impressions = 0;
    long clicks = 0;
    long treated = 0;
    long control = 0;
    long convT = 0;
    long convC = 0;
    for (CreativeStatsRecord r : rows) {
      impressions += r.getImpressions();
      clicks += r.getClicks();
      treated += r.getTreatedMembers();
      control += r.getControlMembers();
      convT += r.getTreatedConverters();
      convC += r.getControlConverters();
    }
    int k = rows.size();
    double[] p = new double[2 * k];
    double[] liftVsRest = new double[k];
    for (int i = 0; i < k; i++) {
      CreativeStatsRecord r = rows.get(i);
      if (k < 2) {
        p[2 * i] = Double.NaN;
        p[2 * i + 1] = Double.NaN;
        liftVsRest[i] = Double.NaN;
        continue;
      }
      long restImp = impressions - r.getImpressions();
      long restClicks = clicks - r.getClicks();
      double ctrDiff = Proportions.rate(r.getClicks(), r.getImpressions()) - Proportions.rate(restClicks, restImp);
      p[2 * i] = r.getImpressions() > 0 && restImp > 0
          ? Proportions.pValue(ctrDiff, Proportions.differenceSe(r.getClicks(), r.getImpressions(), restClicks, restImp))
          : Double.NaN;
      long rT = treated - r.getTreatedMembers();
      long rC = control - r.getControlMembers();
      long rConvT = convT - r.getTreatedConverters();
      long rConvC = convC - r.getControlConverters();
      if (r.getTreatedMembers() > 0 && r.getControlMembers() > 0 && rT > 0 && rC > 0) {
        double own = Proportions.rate(r.getTreatedConverters(), r.getTreatedMembers())
            - Proportions.rate(r.getControlConverters(), r.getControlMembers());
        double rest = Proportions.rate(rConvT, rT) - Proportions.rate(rConvC, rC);
        double se = Math.sqrt(sq(Proportions.differenceSe(r.getTreatedConverters(), r.getTreatedMembers(),
            r.getControlConverters(), r.getControlMembers())) + sq(Proportions.differenceSe(rConvT, rT, rConvC, rC)));
        liftVsRest[i] = own - rest;
        p[2 * i + 1] = Proportions.pValue(own - rest, se);
      } else {
        liftVsRest[i] = Double.NaN;
        p[2 * i + 1] = Double.NaN;
      }
    }
    double[] adjusted = Proportions.holm(p);
    List<Insight> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      CreativeStatsRecord r = rows.get(i);
      double ctr = Proportions.rate(r.getClicks(), r.getImpressions());
      double cvr = Proportions.rate(r.getTreatedConverters(), r.getTreatedMembers());
      double rateC = Proportions.rate(r.getControlConverters(), r.getControlMembers());
      double lift = cvr - rateC;
      double se = r.getTreatedMembers() > 0 && r.getControlMembers() > 0
          ? Proportions.differenceSe(r.getTreatedConverters(), r.getTreatedMembers(), r.getControlConverters(),
              r.getControlMembers())
          : Double.NaN;
      String verdict;
      if (adjusted[2 * i + 1] < ALPHA) {
        verdict = liftVsRest[i] > 0 ? "winner" : "loser";
      } else if (adjusted[2 * i] < ALPHA) {
        double restCtr = Proportions.rate(sumClicks(rows) - r.getClicks(), sumImpressions(rows) - r.getImpressions());
        verdict = ctr > restCtr ? "ctr_winner" : "ctr_loser";
      } else {
        verdict = "no_difference";
      }
      out.add(new Insight(r.getCampaignId(), r.getCreativeId(), r.getImpressions(), r.getClicks(), ctr,
          Proportions.wilson(r.getClicks(), r.getImpressions(), Proportions.Z95), r.getTreatedMembers(),
          r.getControlMembers(), cvr, Proportions.wilson(r.getTreatedConverters(), r.getTreatedMembers(), Proportions.Z95),
          lift, new double[] {lift - Proportions.Z95 * se, lift + Proportions.Z95 * se}, rateC > 0 ? lift / rateC : Double.NaN,
          p[2 * i], adjusted[2 * i], liftVsRest[i], p[2 * i + 1], adjusted[2 * i + 1], verdict));
    }
    return out;
  }

  private static long sumClicks(List<CreativeStatsRecord> rows) {
    return rows.stream().mapToLong(CreativeStatsRecord::getClicks).sum();
  }

  private static long sumImpressions(List<CreativeStatsRecord> rows) {
    return rows.stream().mapToLong(CreativeStatsRecord::getImpressions).sum();
  }

  private static void decide(String campaignId, List<Insight> campaign, Map<String, String> rotateTo,
      Map<String, String> advice) {
    Insight winner = campaign.stream().filter(i -> i.verdict().equals("winner"))
        .max(java.util.Comparator.comparingDouble(Insight::liftVsRest)).orElse(null);
    List<String> losers = campaign.stream().filter(i -> i.verdict().equals("loser")).map(Insight::creativeId).toList();
    if (winner != null) {
      rotateTo.put(campaignId, winner.creativeId());
      advice.put(campaignId, String.format(Locale.ROOT, "rotate to %s: lift %+.2f pp above the other creatives (Holm p %.3g)",
          winner.creativeId(), 100 * winner.liftVsRest(), winner.liftPAdj()));
    } else if (!losers.isEmpty()) {
      Insight best = campaign.stream().filter(i -> !i.verdict().equals("loser") && Double.isFinite(i.lift()))
          .max(java.util.Comparator.comparingDouble(Insight::lift)).orElse(null);
      rotateTo.put(campaignId, best == null ? null : best.creativeId());
      advice.put(campaignId, "retire " + String.join(", ", losers) + " (lift below the other creatives after Holm)"
          + (best == null ? "" : "; rotate to " + best.creativeId()));
    } else {
      Insight ctrLeader = campaign.stream().filter(i -> Double.isFinite(i.ctr()))
          .max(java.util.Comparator.comparingDouble(Insight::ctr)).orElse(null);
      rotateTo.put(campaignId, null);
      advice.put(campaignId, "keep the rotation: no creative's lift differs from the others after Holm"
          + (ctrLeader == null || campaign.size() < 2 ? "" : String.format(Locale.ROOT, " (CTR leader %s at %.2f%%)",
              ctrLeader.creativeId(), 100 * ctrLeader.ctr())));
    }
  }

  /** Both feature regressions over every campaign's creatives. */
  static List<Effect> featureEffects(List<CreativeStatsRecord> stats) {
    List<String> ctas = new ArrayList<>(new TreeSet<>(stats.stream().map(CreativeStatsRecord::getCallToAction).toList()));
    List<String> tags = new ArrayList<>(new TreeSet<>(stats.stream().map(CreativeStatsRecord::getPrimaryTag).toList()));
    List<String> names = new ArrayList<>();
    ctas.subList(1, ctas.size()).forEach(c -> names.add("call_to_action=" + c));
    tags.subList(1, tags.size()).forEach(t -> names.add("primary_tag=" + t));
    names.add("video_seconds_over_15");
    names.add("headline_discount");
    List<Effect> effects = new ArrayList<>();
    effects.addAll(regression("log_ctr", stats, names, ctas, tags));
    effects.addAll(regression("abs_lift", stats, names, ctas, tags));
    return effects;
  }

  private static List<Effect> regression(String metric, List<CreativeStatsRecord> stats, List<String> names,
      List<String> ctas, List<String> tags) {
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (CreativeStatsRecord r : stats) {
      double value;
      double weight;
      if (metric.equals("log_ctr")) {
        if (r.getClicks() == 0 || r.getImpressions() == 0) {
          continue;
        }
        value = Math.log((double) r.getClicks() / r.getImpressions());
        weight = r.getClicks();
      } else {
        if (r.getTreatedMembers() < 2 || r.getControlMembers() < 2) {
          continue;
        }
        value = Proportions.rate(r.getTreatedConverters(), r.getTreatedMembers())
            - Proportions.rate(r.getControlConverters(), r.getControlMembers());
        double se = Proportions.differenceSe(r.getTreatedConverters(), r.getTreatedMembers(), r.getControlConverters(),
            r.getControlMembers());
        if (!(se > 0)) {
          continue;
        }
        weight = 1 / (se * se);
      }
      double[] row = new double[names.size()];
      int j = 0;
      for (int c = 1; c < ctas.size(); c++) {
        row[j++] = ctas.get(c).equals(r.getCallToAction()) ? 1 : 0;
      }
      for (int t = 1; t < tags.size(); t++) {
        row[j++] = tags.get(t).equals(r.getPrimaryTag()) ? 1 : 0;
      }
      row[j++] = r.getLengthSeconds() > 0 ? r.getLengthSeconds() - 15.0 : 0.0;
      row[j] = Boolean.TRUE.equals(r.getHeadlineHasDiscount()) ? 1 : 0;
      x.add(row);
      y.add(value);
      w.add(weight);
      group.add(r.getCampaignId());
    }
    if (x.size() <= names.size()) {
      return List.of();
    }
    double meanW = w.stream().mapToDouble(Double::doubleValue).average().orElse(1);
    WeightedRidge.Fit fit = WeightedRidge.fit(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(),
        w.stream().mapToDouble(v -> v / meanW).toArray(), group.toArray(String[]::new), LAMBDA);
    List<Effect> effects = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      effects.add(new Effect(metric, names.get(j), fit.beta()[j], fit.beta()[j] - Proportions.Z95 * fit.se()[j],
          fit.beta()[j] + Proportions.Z95 * fit.se()[j]));
    }
    return effects;
  }

  private void write(LocalDate ds, Result result) {
    dsl.transaction(configuration -> {
      DSLContext tx = org.jooq.impl.DSL.using(configuration);
      tx.deleteFrom(CREATIVE_INSIGHTS).execute();
      tx.deleteFrom(CREATIVE_FEATURE_EFFECTS).execute();
      for (Insight i : result.insights()) {
        tx.insertInto(CREATIVE_INSIGHTS)
            .set(CREATIVE_INSIGHTS.DS, ds)
            .set(CREATIVE_INSIGHTS.CAMPAIGN_ID, i.campaignId())
            .set(CREATIVE_INSIGHTS.CREATIVE_ID, i.creativeId())
            .set(CREATIVE_INSIGHTS.IMPRESSIONS, i.impressions())
            .set(CREATIVE_INSIGHTS.CLICKS, i.clicks())
            .set(CREATIVE_INSIGHTS.CTR, finite(i.ctr()))
            .set(CREATIVE_INSIGHTS.CTR_LOW, finite(i.ctrCi()[0]))
            .set(CREATIVE_INSIGHTS.CTR_HIGH, finite(i.ctrCi()[1]))
            .set(CREATIVE_INSIGHTS.TREATED_MEMBERS, i.treated())
            .set(CREATIVE_INSIGHTS.CONTROL_MEMBERS, i.control())
            .set(CREATIVE_INSIGHTS.CVR, finite(i.cvr()))
            .set(CREATIVE_INSIGHTS.CVR_LOW, finite(i.cvrCi()[0]))
            .set(CREATIVE_INSIGHTS.CVR_HIGH, finite(i.cvrCi()[1]))
            .set(CREATIVE_INSIGHTS.ABS_LIFT, finite(i.lift()))
            .set(CREATIVE_INSIGHTS.ABS_LIFT_LOW, finite(i.liftCi()[0]))
            .set(CREATIVE_INSIGHTS.ABS_LIFT_HIGH, finite(i.liftCi()[1]))
            .set(CREATIVE_INSIGHTS.RELATIVE_LIFT, finite(i.relativeLift()))
            .set(CREATIVE_INSIGHTS.CTR_VS_REST_P, finite(i.ctrP()))
            .set(CREATIVE_INSIGHTS.CTR_VS_REST_P_ADJ, finite(i.ctrPAdj()))
            .set(CREATIVE_INSIGHTS.LIFT_VS_REST, finite(i.liftVsRest()))
            .set(CREATIVE_INSIGHTS.LIFT_VS_REST_P, finite(i.liftP()))
            .set(CREATIVE_INSIGHTS.LIFT_VS_REST_P_ADJ, finite(i.liftPAdj()))
            .set(CREATIVE_INSIGHTS.VERDICT, i.verdict())
            .set(CREATIVE_INSIGHTS.ROTATE_TO, result.rotateTo().get(i.campaignId()))
            .set(CREATIVE_INSIGHTS.RECOMMENDATION, result.recommendation().get(i.campaignId()))
            .execute();
      }
      for (Effect e : result.effects()) {
        tx.insertInto(CREATIVE_FEATURE_EFFECTS)
            .set(CREATIVE_FEATURE_EFFECTS.DS, ds)
            .set(CREATIVE_FEATURE_EFFECTS.METRIC, e.metric())
            .set(CREATIVE_FEATURE_EFFECTS.FEATURE, e.feature())
            .set(CREATIVE_FEATURE_EFFECTS.ESTIMATE, e.estimate())
            .set(CREATIVE_FEATURE_EFFECTS.CI_LOW, e.low())
            .set(CREATIVE_FEATURE_EFFECTS.CI_HIGH, e.high())
            .set(CREATIVE_FEATURE_EFFECTS.LAMBDA, LAMBDA)
            .execute();
      }
    });
  }

  private static double sq(double v) {
    return v * v;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
