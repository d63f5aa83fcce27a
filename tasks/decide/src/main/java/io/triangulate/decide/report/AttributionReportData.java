package io.triangulate.decide.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the attribution section shows, read from the marts by {@link AttributionReportReader}.
 *
 * @param channelShares model → channel → share of credited conversions (channel level)
 * @param experimentShares channel → its share of the experiments' incremental orders (experimented channels)
 */
record AttributionReportData(
    LocalDate ds,
    LocalDate windowStart,
    double conversions,
    double nulls,
    Double dataDrivenAuc,
    List<String> models,
    List<String> channels,
    Map<String, Map<String, Double>> channelShares,
    Map<String, Double> experimentShares,
    List<CampaignComparison> campaigns,
    List<ModelScoreRow> scores,
    List<MatchRate> matchRates,
    Regression regression,
    Integer lookbackDays,
    List<Calibrated> calibrated) {

  /** One model's calibrated credit for a campaign, channel or the total (marts.attribution_calibrated). */
  record Calibrated(String scope, String scopeId, String channel, String model, double credited, double experimentOrders,
      double factor, double factorLow, double factorHigh, String source, double calibrated, double low, double high,
      double loo) {}

  /** One campaign: each model's credited conversions and the experiment's incremental orders. */
  record CampaignComparison(String campaignId, String channel, Map<String, Double> credited, double incremental,
      double low, double high, String closestModel, Map<String, Double> calibration) {}

  record ModelScoreRow(String model, int rank, double meanAbsError, double ratio, int within, int campaigns) {}

  record MatchRate(String source, String idKind, long rows, long matched) {}

  record Regression(long observations, double r2, double adjR2, double residualSe, double halfLifeDays,
      List<Term> terms, List<double[]> qq) {}

  record Term(String term, double coefficient, double stdError, double low, double high, double pValue, double vif) {}
}
