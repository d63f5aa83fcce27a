package io.triangulate.decide.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads the attribute task's results for the report's date (empty when it has not run). */
final class AttributionReportReader {

  private final DSLContext dsl;

  AttributionReportReader(DSLContext dsl) {
    this.dsl = dsl;
  }

  Optional<AttributionReportData> read(LocalDate ds) {
    Record run = dsl.fetchOptional(
        "select window_start, conversions, nulls, data_driven_auc, lookback_days from marts.attribution_runs"
            + " where ds = ? and level = 'channel'",
        ds).orElse(null);
    if (run == null) {
      return Optional.empty();
    }
    Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
    List<String> channels = new ArrayList<>();
    for (Record r : dsl.fetch("select model, label, share from marts.attribution_credit where ds = ? and level = 'channel'"
        + " order by label, model", ds)) {
      shares.computeIfAbsent(r.get(0, String.class), m -> new LinkedHashMap<>()).put(r.get(1, String.class), r.get(2, Double.class));
      if (!channels.contains(r.get(1, String.class))) {
        channels.add(r.get(1, String.class));
      }
    }
    List<String> models = dsl.fetch("select model from marts.attribution_model_scores where ds = ? order by model", ds)
        .map(r -> r.get(0, String.class));
    if (models.isEmpty()) {
      models = new ArrayList<>(new TreeMap<>(shares).keySet());
    }

    Map<String, Double> experimentShares = new LinkedHashMap<>();
    double total = 0;
    List<Record> channelRows = dsl.fetch("select distinct scope_id, incremental_orders from marts.attribution_vs_experiment"
        + " where ds = ? and scope = 'channel' order by scope_id", ds);
    for (Record r : channelRows) {
      total += Math.max(0, r.get(1, Double.class));
    }
    for (Record r : channelRows) {
      experimentShares.put(r.get(0, String.class), total > 0 ? Math.max(0, r.get(1, Double.class)) / total : Double.NaN);
    }

    Map<String, AttributionReportData.CampaignComparison> campaigns = new LinkedHashMap<>();
    for (Record r : dsl.fetch("select scope_id, channel, model, credited_conversions, incremental_orders,"
        + " incremental_orders_ci_low, incremental_orders_ci_high, closest, calibration_factor"
        + " from marts.attribution_vs_experiment where ds = ? and scope = 'campaign' order by scope_id, model", ds)) {
      String id = r.get(0, String.class);
      AttributionReportData.CampaignComparison c = campaigns.computeIfAbsent(id, k -> new AttributionReportData.CampaignComparison(
          k, r.get(1, String.class), new LinkedHashMap<>(), r.get(4, Double.class), num(r.get(5, Double.class)),
          num(r.get(6, Double.class)), null, new LinkedHashMap<>()));
      c.credited().put(r.get(2, String.class), r.get(3, Double.class));
      c.calibration().put(r.get(2, String.class), num(r.get(8, Double.class)));
      if (Boolean.TRUE.equals(r.get(7, Boolean.class)) && c.closestModel() == null) {
        campaigns.put(id, new AttributionReportData.CampaignComparison(c.campaignId(), c.channel(), c.credited(),
            c.incremental(), c.low(), c.high(), r.get(2, String.class), c.calibration()));
      }
    }

    List<AttributionReportData.ModelScoreRow> scores = dsl.fetch(
            "select model, rank, mean_abs_error, attribution_ratio, within_interval, campaigns"
                + " from marts.attribution_model_scores where ds = ? order by rank, model", ds)
        .map(r -> new AttributionReportData.ModelScoreRow(r.get(0, String.class), r.get(1, Integer.class),
            num(r.get(2, Double.class)), num(r.get(3, Double.class)), r.get(4, Integer.class), r.get(5, Integer.class)));

    List<AttributionReportData.MatchRate> match = dsl.fetch(
            "select source, id_kind, sum(rows)::bigint, sum(matched_rows)::bigint from marts.identity_match_daily"
                + " where ds <= ? group by source, id_kind order by source, id_kind", ds)
        .map(r -> new AttributionReportData.MatchRate(r.get(0, String.class), r.get(1, String.class),
            r.get(2, Long.class), r.get(3, Long.class)));

    return Optional.of(new AttributionReportData(ds, run.get(0, LocalDate.class), run.get(1, Double.class),
        run.get(2, Double.class), run.get(3, Double.class), models, channels, shares, experimentShares,
        new ArrayList<>(campaigns.values()), scores, match, regression(ds), run.get(4, Integer.class), calibrated(ds)));
  }

  private List<AttributionReportData.Calibrated> calibrated(LocalDate ds) {
    return dsl.fetch("select scope, scope_id, channel, model, credited_conversions, experiment_orders, factor,"
            + " factor_ci_low, factor_ci_high, factor_source, calibrated_conversions, calibrated_ci_low, calibrated_ci_high,"
            + " loo_calibrated_conversions from marts.attribution_calibrated where ds = ? order by scope, scope_id, model", ds)
        .map(r -> new AttributionReportData.Calibrated(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
            r.get(3, String.class), num(r.get(4, Double.class)), num(r.get(5, Double.class)), num(r.get(6, Double.class)),
            num(r.get(7, Double.class)), num(r.get(8, Double.class)), r.get(9, String.class), num(r.get(10, Double.class)),
            num(r.get(11, Double.class)), num(r.get(12, Double.class)), num(r.get(13, Double.class))));
  }

  /** The latest weekly fit up to the report's day. */
  private AttributionReportData.Regression regression(LocalDate asOf) {
    LocalDate ds = dsl.fetchSingle("select max(ds) from marts.seed_regression_fit where ds <= ?", asOf).get(0, LocalDate.class);
    if (ds == null) {
      return null;
    }
    Record fit = dsl.fetchOptional("select observations, r_squared, adj_r_squared, residual_se, half_life_days"
        + " from marts.seed_regression_fit where ds = ?", ds).orElse(null);
    if (fit == null) {
      return null;
    }
    List<AttributionReportData.Term> terms = dsl.fetch("select term, coefficient, std_error, ci_low, ci_high, p_value, vif"
            + " from marts.seed_regression_terms where ds = ? order by position", ds)
        .map(r -> new AttributionReportData.Term(r.get(0, String.class), num(r.get(1, Double.class)), num(r.get(2, Double.class)),
            num(r.get(3, Double.class)), num(r.get(4, Double.class)), num(r.get(5, Double.class)), num(r.get(6, Double.class))));
    List<double[]> qq = dsl.fetch("select theoretical, residual from marts.seed_regression_qq where ds = ? order by probability", ds)
        .map(r -> new double[] {r.get(0, Double.class), r.get(1, Double.class)});
    return new AttributionReportData.Regression(fit.get(0, Long.class), num(fit.get(1, Double.class)),
        num(fit.get(2, Double.class)), num(fit.get(3, Double.class)), fit.get(4, Double.class), terms, qq);
  }

  private static double num(Double v) {
    return v == null ? Double.NaN : v;
  }
}
