package io.triangulate.uplift.warehouse;

import static io.triangulate.db.marts.Tables.UPLIFT_FEATURES;

import io.triangulate.uplift.data.UpliftTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/**
 * Reads marts.uplift_features of one day and encodes each campaign's rows for the learners:
 * numeric features as they are (revenue as log(1 + revenue), so one big spender does not dominate
 * a linear model), categorical ones one-hot over the levels the campaign's rows have (the first
 * level left out, as the reference). Members are in member-id order, so the seeded holdout is the
 * same on every run.
 */
final class UpliftFeatureRows {

  static final List<String> CATEGORICAL = List.of("region", "age_band", "loyalty_tier", "device");
  static final List<String> NUMERIC =
      List.of("tenure_days", "pre_orders", "history_orders", "history_orders_advertiser", "log_history_revenue");

  private UpliftFeatureRows() {}

  static List<CampaignTable> read(DSLContext dsl, LocalDate ds) {
    Result<Record> rows = dsl.select(UPLIFT_FEATURES.fields())
        .from(UPLIFT_FEATURES)
        .where(UPLIFT_FEATURES.DS.eq(ds))
        .orderBy(UPLIFT_FEATURES.CAMPAIGN_ID, UPLIFT_FEATURES.MEMBER_ID)
        .fetch();
    Map<String, List<Record>> byCampaign = new LinkedHashMap<>();
    for (Record r : rows) {
      byCampaign.computeIfAbsent(r.get(UPLIFT_FEATURES.CAMPAIGN_ID), k -> new ArrayList<>()).add(r);
    }
    List<CampaignTable> tables = new ArrayList<>();
    byCampaign.forEach((campaign, list) -> tables.add(encode(campaign, list)));
    return tables;
  }

  static CampaignTable encode(String campaignId, List<Record> rows) {
    List<List<String>> levels = new ArrayList<>();
    List<String> names = new ArrayList<>(NUMERIC);
    for (String column : CATEGORICAL) {
      TreeSet<String> seen = new TreeSet<>();
      for (Record r : rows) {
        seen.add(categorical(r, column));
      }
      List<String> kept = new ArrayList<>(seen);
      if (!kept.isEmpty()) {
        kept.remove(0); // reference level
      }
      levels.add(kept);
      for (String level : kept) {
        names.add(column + "=" + level);
      }
    }
    int n = rows.size();
    double[][] x = new double[n][];
    int[] t = new int[n];
    int[] y = new int[n];
    int[] lines = new int[n];
    List<String> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Record r = rows.get(i);
      double[] v = new double[names.size()];
      v[0] = r.get(UPLIFT_FEATURES.TENURE_DAYS);
      v[1] = r.get(UPLIFT_FEATURES.PRE_ORDERS);
      v[2] = r.get(UPLIFT_FEATURES.HISTORY_ORDERS);
      v[3] = r.get(UPLIFT_FEATURES.HISTORY_ORDERS_ADVERTISER);
      v[4] = Math.log1p(Math.max(0.0, r.get(UPLIFT_FEATURES.HISTORY_REVENUE)));
      int k = NUMERIC.size();
      for (int c = 0; c < CATEGORICAL.size(); c++) {
        String value = categorical(r, CATEGORICAL.get(c));
        for (String level : levels.get(c)) {
          v[k++] = level.equals(value) ? 1.0 : 0.0;
        }
      }
      x[i] = v;
      t[i] = r.get(UPLIFT_FEATURES.TREATED);
      y[i] = r.get(UPLIFT_FEATURES.CONVERTED);
      lines[i] = i + 1;
      members.add(r.get(UPLIFT_FEATURES.MEMBER_ID));
    }
    UpliftTable table = new UpliftTable("marts.uplift_features " + campaignId, List.copyOf(names), x, t, y, lines, 0,
        List.of());
    return new CampaignTable(campaignId, List.copyOf(members), table);
  }

  private static String categorical(Record r, String column) {
    return switch (column) {
      case "region" -> r.get(UPLIFT_FEATURES.REGION);
      case "age_band" -> r.get(UPLIFT_FEATURES.AGE_BAND);
      case "loyalty_tier" -> r.get(UPLIFT_FEATURES.LOYALTY_TIER);
      case "device" -> r.get(UPLIFT_FEATURES.DEVICE);
      default -> throw new IllegalArgumentException(column);
    };
  }
}
