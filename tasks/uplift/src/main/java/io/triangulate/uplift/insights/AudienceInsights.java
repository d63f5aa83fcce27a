package io.triangulate.uplift.insights;

import static io.triangulate.db.marts.Tables.AUDIENCE_INSIGHTS;
import static io.triangulate.db.marts.Tables.UPLIFT_FEATURES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Audience segments by purchase behaviour: k-means (Smile, seeded, best of 10 restarts) on the
 * standardised pre-exposure behaviour of every member × campaign row of marts.uplift_features —
 * log(1 + past orders), log(1 + past revenue), log(1 + the advertiser's pre-period orders), tenure
 * in years and loyalty tier (0 none, 1 silver, 2 gold). Clusters are numbered by their mean past
 * orders, so the numbering does not depend on the restarts.
 *
 * <p>Per cluster and campaign, and pooled over campaigns ({@code all}: Σ incremental converters ÷
 * Σ treated members, variances added): the lift (treated minus control conversion rate) with a
 * normal 95% interval. Decision: {@code target} when the interval is above 0; {@code exclude} when
 * it is below 0, or when the estimate is ≤ 0 and even its upper bound is under the scope's average
 * lift (the cluster is measurably worse than average and shows no gain); otherwise
 * {@code test_more}.
 */
public final class AudienceInsights {

  public static final int CLUSTERS = 4;
  public static final String ALL = "all";

  public record Segment(String campaignId, int cluster, String label, long members, long treated, long control,
      double rateTreated, double rateControl, double lift, double low, double high, double incremental, String decision) {}

  private final DSLContext dsl;

  public AudienceInsights(DSLContext dsl) {
    this.dsl = dsl;
  }

  public List<Segment> run(LocalDate ds, long seed) {
    List<Record> rows = dsl.select(UPLIFT_FEATURES.CAMPAIGN_ID, UPLIFT_FEATURES.TREATED, UPLIFT_FEATURES.CONVERTED,
            UPLIFT_FEATURES.HISTORY_ORDERS, UPLIFT_FEATURES.HISTORY_REVENUE, UPLIFT_FEATURES.PRE_ORDERS,
            UPLIFT_FEATURES.TENURE_DAYS, UPLIFT_FEATURES.LOYALTY_TIER)
        .from(UPLIFT_FEATURES).where(UPLIFT_FEATURES.DS.eq(ds))
        .orderBy(UPLIFT_FEATURES.CAMPAIGN_ID, UPLIFT_FEATURES.MEMBER_ID).fetch().stream().map(r -> (Record) r).toList();
    List<Segment> segments = analyse(rows, seed);
    write(ds, segments);
    return segments;
  }

  static List<Segment> analyse(List<Record> rows, long seed) {
    int n = rows.size();
    if (n < CLUSTERS * 10) {
      return List.of();
    }
    double[][] raw = new double[n][];
    for (int i = 0; i < n; i++) {
      Record r = rows.get(i);
      raw[i] = new double[] {
        Math.log1p(r.get(UPLIFT_FEATURES.HISTORY_ORDERS)),
        Math.log1p(Math.max(0, r.get(UPLIFT_FEATURES.HISTORY_REVENUE))),
        Math.log1p(r.get(UPLIFT_FEATURES.PRE_ORDERS)),
        r.get(UPLIFT_FEATURES.TENURE_DAYS) / 365.0,
        tier(r.get(UPLIFT_FEATURES.LOYALTY_TIER))
      };
    }
    double[][] z = standardised(raw);
    MathEx.setSeed(seed);
    KMeans km = KMeans.fit(z, CLUSTERS, 100, 1e-4);
    // Number clusters by mean past orders.
    double[] meanOrders = new double[CLUSTERS];
    long[] size = new long[CLUSTERS];
    for (int i = 0; i < n; i++) {
      meanOrders[km.y[i]] += rows.get(i).get(UPLIFT_FEATURES.HISTORY_ORDERS);
      size[km.y[i]]++;
    }
    Integer[] order = new Integer[CLUSTERS];
    for (int c = 0; c < CLUSTERS; c++) {
      order[c] = c;
      meanOrders[c] = size[c] == 0 ? 0 : meanOrders[c] / size[c];
    }
    Arrays.sort(order, java.util.Comparator.comparingDouble(c -> meanOrders[c]));
    int[] rank = new int[CLUSTERS];
    for (int r = 0; r < CLUSTERS; r++) {
      rank[order[r]] = r + 1;
    }
    String[] labels = labels(rows, km.y, rank);
    // counts[campaign][cluster] = {members, treated, control, convT, convC}
    Map<String, long[][]> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Record r = rows.get(i);
      long[] c = counts.computeIfAbsent(r.get(UPLIFT_FEATURES.CAMPAIGN_ID), k -> new long[CLUSTERS + 1][5])[rank[km.y[i]]];
      boolean treated = r.get(UPLIFT_FEATURES.TREATED) == 1;
      c[0]++;
      c[treated ? 1 : 2]++;
      c[treated ? 3 : 4] += r.get(UPLIFT_FEATURES.CONVERTED);
    }
    List<Segment> segments = new ArrayList<>();
    double[][] pooledIncrement = new double[CLUSTERS + 1][3]; // Σ incremental, Σ variance, Σ treated
    long[][] pooledCounts = new long[CLUSTERS + 1][5];
    for (var e : counts.entrySet()) {
      long[] total = new long[5];
      for (int k = 1; k <= CLUSTERS; k++) {
        for (int j = 0; j < 5; j++) {
          total[j] += e.getValue()[k][j];
          pooledCounts[k][j] += e.getValue()[k][j];
        }
      }
      double average = lift(total);
      for (int k = 1; k <= CLUSTERS; k++) {
        long[] c = e.getValue()[k];
        Segment s = segment(e.getKey(), k, labels[k], c, average);
        segments.add(s);
        if (c[1] > 0 && c[2] > 0) {
          double se = Proportions.differenceSe(c[3], c[1], c[4], c[2]);
          pooledIncrement[k][0] += s.lift() * c[1];
          pooledIncrement[k][1] += (se * c[1]) * (se * c[1]);
          pooledIncrement[k][2] += c[1];
        }
      }
    }
    double allIncrement = 0;
    double allTreated = 0;
    for (int k = 1; k <= CLUSTERS; k++) {
      allIncrement += pooledIncrement[k][0];
      allTreated += pooledIncrement[k][2];
    }
    double average = allIncrement / allTreated;
    for (int k = 1; k <= CLUSTERS; k++) {
      double t = pooledIncrement[k][2];
      double lift = pooledIncrement[k][0] / t;
      double se = Math.sqrt(pooledIncrement[k][1]) / t;
      long[] c = pooledCounts[k];
      segments.add(new Segment(ALL, k, labels[k], c[0], c[1], c[2], Proportions.rate(c[3], c[1]), Proportions.rate(c[4], c[2]),
          lift, lift - Proportions.Z95 * se, lift + Proportions.Z95 * se, pooledIncrement[k][0],
          decision(lift, lift - Proportions.Z95 * se, lift + Proportions.Z95 * se, average)));
    }
    return segments;
  }

  private static Segment segment(String campaign, int k, String label, long[] c, double average) {
    double rateT = Proportions.rate(c[3], c[1]);
    double rateC = Proportions.rate(c[4], c[2]);
    double lift = rateT - rateC;
    double se = c[1] > 0 && c[2] > 0 ? Proportions.differenceSe(c[3], c[1], c[4], c[2]) : Double.NaN;
    double low = lift - Proportions.Z95 * se;
    double high = lift + Proportions.Z95 * se;
    return new Segment(campaign, k, label, c[0], c[1], c[2], rateT, rateC, lift, low, high,
        Double.isFinite(lift) ? lift * c[1] : Double.NaN, decision(lift, low, high, average));
  }

  private static double lift(long[] c) {
    return Proportions.rate(c[3], c[1]) - Proportions.rate(c[4], c[2]);
  }

  static String decision(double lift, double low, double high, double average) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return "test_more";
    }
    if (low > 0) {
      return "target";
    }
    if (high < 0 || (lift <= 0 && high < average)) {
      return "exclude";
    }
    return "test_more";
  }

  private static String[] labels(List<Record> rows, int[] cluster, int[] rank) {
    double[][] sums = new double[CLUSTERS + 1][4];
    long[] size = new long[CLUSTERS + 1];
    for (int i = 0; i < rows.size(); i++) {
      Record r = rows.get(i);
      int k = rank[cluster[i]];
      sums[k][0] += r.get(UPLIFT_FEATURES.HISTORY_ORDERS);
      sums[k][1] += r.get(UPLIFT_FEATURES.HISTORY_REVENUE);
      sums[k][2] += r.get(UPLIFT_FEATURES.TENURE_DAYS) / 365.0;
      sums[k][3] += tier(r.get(UPLIFT_FEATURES.LOYALTY_TIER)) > 0 ? 1 : 0;
      size[k]++;
    }
    String[] labels = new String[CLUSTERS + 1];
    for (int k = 1; k <= CLUSTERS; k++) {
      double m = Math.max(1, size[k]);
      labels[k] = String.format(Locale.ROOT, "%.1f past orders, %.0f past revenue, %.1f years a member, %.0f%% silver/gold",
          sums[k][0] / m, sums[k][1] / m, sums[k][2] / m, 100 * sums[k][3] / m);
    }
    return labels;
  }

  private static double tier(String tier) {
    return switch (tier) {
      case "gold" -> 2;
      case "silver" -> 1;
      default -> 0;
    };
  }

  private static double[][] standardised(double[][] x) {
    int p = x[0].length;
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (double[] r : x) {
      for (int j = 0; j < p; j++) {
        mean[j] += r[j] / x.length;
      }
    }
    for (double[] r : x) {
      for (int j = 0; j < p; j++) {
        sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / x.length;
      }
    }
    double[][] z = new double[x.length][p];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < p; j++) {
        z[i][j] = sd[j] > 0 ? (x[i][j] - mean[j]) / Math.sqrt(sd[j]) : 0;
      }
    }
    return z;
  }

  private void write(LocalDate ds, List<Segment> segments) {
    dsl.transaction(configuration -> {
      DSLContext tx = org.jooq.impl.DSL.using(configuration);
      tx.deleteFrom(AUDIENCE_INSIGHTS).execute();
      for (Segment s : segments) {
        tx.insertInto(AUDIENCE_INSIGHTS)
            .set(AUDIENCE_INSIGHTS.DS, ds)
            .set(AUDIENCE_INSIGHTS.CAMPAIGN_ID, s.campaignId())
            .set(AUDIENCE_INSIGHTS.CLUSTER, s.cluster())
            .set(AUDIENCE_INSIGHTS.LABEL, s.label())
            .set(AUDIENCE_INSIGHTS.MEMBERS, s.members())
            .set(AUDIENCE_INSIGHTS.TREATED_MEMBERS, s.treated())
            .set(AUDIENCE_INSIGHTS.CONTROL_MEMBERS, s.control())
            .set(AUDIENCE_INSIGHTS.RATE_TREATED, finite(s.rateTreated()))
            .set(AUDIENCE_INSIGHTS.RATE_CONTROL, finite(s.rateControl()))
            .set(AUDIENCE_INSIGHTS.ABS_LIFT, finite(s.lift()))
            .set(AUDIENCE_INSIGHTS.ABS_LIFT_LOW, finite(s.low()))
            .set(AUDIENCE_INSIGHTS.ABS_LIFT_HIGH, finite(s.high()))
            .set(AUDIENCE_INSIGHTS.INCREMENTAL_CONVERTERS, finite(s.incremental()))
            .set(AUDIENCE_INSIGHTS.DECISION, s.decision())
            .execute();
      }
    });
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
