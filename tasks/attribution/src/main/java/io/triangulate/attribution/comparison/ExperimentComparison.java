package io.triangulate.attribution.comparison;

import io.triangulate.attribution.ChannelCredit;
import io.triangulate.attribution.ModelCredits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts every model's campaign credit beside the experiments: per campaign, per channel (the
 * channel's experimented campaigns summed) and per model overall. Pure: credits and experiment
 * results in, rows out.
 *
 * <p>A channel's interval combines its campaigns' intervals as independent normal estimates: the
 * half-widths below and above the estimate add in quadrature.
 */
public final class ExperimentComparison {

  /** Absolute errors this close are ties: every tied model is "closest". */
  private static final double TIE = 1e-9;

  public record Result(List<ComparisonRow> rows, List<ModelScore> scores) {}

  private ExperimentComparison() {}

  /**
   * @param campaignCredits each model's credit at campaign level (labels are campaign ids; a
   *     campaign no journey touched has no label and gets zero credit)
   */
  public static Result compare(List<ModelCredits> campaignCredits, List<ExperimentResult> experiments) {
    List<ComparisonRow> rows = new ArrayList<>();
    for (ExperimentResult e : experiments) {
      List<ComparisonRow> forCampaign = new ArrayList<>();
      for (ModelCredits model : campaignCredits) {
        ChannelCredit credit = find(model, e.campaignId());
        forCampaign.add(row("campaign", e.campaignId(), model.model(), credit.conversions(), credit.value(), e));
      }
      rows.addAll(markClosest(forCampaign));
    }
    for (ExperimentResult channel : channelTotals(experiments)) {
      List<ComparisonRow> forChannel = new ArrayList<>();
      for (ModelCredits model : campaignCredits) {
        double conversions = 0;
        double value = 0;
        for (ExperimentResult e : experiments) {
          if (e.channel().equals(channel.channel())) {
            ChannelCredit credit = find(model, e.campaignId());
            conversions += credit.conversions();
            value += credit.value();
          }
        }
        forChannel.add(row("channel", channel.channel(), model.model(), conversions, value, channel));
      }
      rows.addAll(markClosest(forChannel));
    }
    return new Result(rows, scores(campaignCredits, rows));
  }

  private static ChannelCredit find(ModelCredits model, String label) {
    for (ChannelCredit credit : model.channels()) {
      if (credit.channel().equals(label)) {
        return credit;
      }
    }
    return new ChannelCredit(label, 0, 0, 0);
  }

  static ComparisonRow row(String scope, String scopeId, String model, double conversions, double value, ExperimentResult e) {
    double orders = e.incrementalOrders();
    boolean within = e.ordersLow() <= conversions && conversions <= e.ordersHigh();
    return new ComparisonRow(scope, scopeId, e.channel(), model, conversions, value, e,
        ratio(conversions, orders), ratio(orders, conversions), ratio(e.incrementalRevenue(), value),
        Math.abs(conversions - orders), within, false);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }

  private static List<ComparisonRow> markClosest(List<ComparisonRow> rows) {
    double best = rows.stream().mapToDouble(ComparisonRow::absError).min().orElse(Double.NaN);
    return rows.stream()
        .map(r -> new ComparisonRow(r.scope(), r.scopeId(), r.channel(), r.model(), r.creditedConversions(),
            r.creditedValue(), r.experiment(), r.attributionRatio(), r.calibrationFactor(),
            r.valueCalibrationFactor(), r.absError(), r.withinInterval(), r.absError() <= best + TIE))
        .toList();
  }

  /** Per channel: incremental totals with half-widths added in quadrature; channels sorted. */
  static List<ExperimentResult> channelTotals(List<ExperimentResult> experiments) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (ExperimentResult e : experiments) {
      double[] s = sums.computeIfAbsent(e.channel(), c -> new double[6]);
      s[0] += e.incrementalOrders();
      s[1] += square(e.incrementalOrders() - e.ordersLow());
      s[2] += square(e.ordersHigh() - e.incrementalOrders());
      s[3] += e.incrementalRevenue();
      s[4] += square(e.incrementalRevenue() - e.revenueLow());
      s[5] += square(e.revenueHigh() - e.incrementalRevenue());
    }
    return sums.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(en -> {
          double[] s = en.getValue();
          return new ExperimentResult(en.getKey(), en.getKey(), s[0], s[0] - Math.sqrt(s[1]), s[0] + Math.sqrt(s[2]),
              s[3], s[3] - Math.sqrt(s[4]), s[3] + Math.sqrt(s[5]));
        })
        .toList();
  }

  private static double square(double x) {
    return x * x;
  }

  private static List<ModelScore> scores(List<ModelCredits> models, List<ComparisonRow> rows) {
    List<ModelScore> unranked = new ArrayList<>();
    for (ModelCredits model : models) {
      List<ComparisonRow> mine = rows.stream()
          .filter(r -> r.scope().equals("campaign") && r.model().equals(model.model()))
          .toList();
      double credited = mine.stream().mapToDouble(ComparisonRow::creditedConversions).sum();
      double incremental = mine.stream().mapToDouble(r -> r.experiment().incrementalOrders()).sum();
      double mae = mine.stream().mapToDouble(ComparisonRow::absError).average().orElse(Double.NaN);
      int within = (int) mine.stream().filter(ComparisonRow::withinInterval).count();
      unranked.add(new ModelScore(model.model(), mine.size(), mae, credited, incremental, ratio(credited, incremental), within, 0));
    }
    List<ModelScore> sorted = new ArrayList<>(unranked);
    sorted.sort(Comparator.comparingDouble((ModelScore s) -> Double.isNaN(s.meanAbsError()) ? Double.MAX_VALUE : s.meanAbsError()));
    List<ModelScore> ranked = new ArrayList<>();
    for (ModelScore s : unranked) {
      ranked.add(new ModelScore(s.model(), s.campaigns(), s.meanAbsError(), s.creditedTotal(), s.incrementalTotal(),
          s.attributionRatio(), s.withinInterval(), sorted.indexOf(s) + 1));
    }
    return ranked;
  }
}
