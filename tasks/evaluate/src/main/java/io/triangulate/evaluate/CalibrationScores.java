package io.triangulate.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How close calibrated attribution comes to the truth, beside the uncalibrated credit and the
 * leave-one-campaign-out calibration. Pure: rows in, scores out.
 *
 * <p>Targets of issue 17: calibrated credit within 20% of the true incremental conversions in total
 * and per channel. A relative error is undefined where the truth is zero; such a channel is scored
 * by its absolute error only and counts as not within 20%, unless it is exactly right.
 */
public final class CalibrationScores {

  /** The relative tolerance of the targets. */
  public static final double TOLERANCE = 0.20;

  /**
   * One model's credit for one scope beside the truth: credited (uncalibrated), calibrated with its
   * 95% interval, and calibrated with the campaign's own experiment left out.
   */
  public record Row(String model, String scope, String id, String channel, double truth, double credited,
      double calibrated, double low, double high, double loo) {}

  /**
   * One model's summary. {@code campaigns*}: the platform campaigns (every one with a truth);
   * {@code media*}: every media channel the journeys see (campaign channels plus linear TV and
   * streaming); {@code spearman*}: rank correlation with the truth across platform campaigns;
   * {@code channelsWithin*}: channels within 20% of their truth, of {@code channels}.
   */
  public record Summary(String model, double campaignsTruth, double campaignsCredited, double campaignsCalibrated,
      double campaignsLoo, double mediaTruth, double mediaCredited, double mediaCalibrated, double mediaLoo,
      double spearmanCredited, double spearmanCalibrated, double spearmanLoo, int channels, int channelsWithin,
      int channelsWithinLoo, int channelsWithinCredited) {}

  private CalibrationScores() {}

  /** |estimate − truth| ≤ 20% of |truth|. */
  public static boolean within(double estimate, double truth) {
    return Double.isFinite(estimate) && Math.abs(estimate - truth) <= TOLERANCE * Math.abs(truth);
  }

  /** (estimate − truth) / |truth|; NaN where the truth is zero. */
  public static double relativeError(double estimate, double truth) {
    return truth == 0 ? Double.NaN : (estimate - truth) / Math.abs(truth);
  }

  /**
   * @param campaigns platform campaign rows (scope campaign, each with its truth)
   * @param channels channel rows (scope channel)
   */
  public static List<Summary> summarise(List<Row> campaigns, List<Row> channels) {
    Map<String, List<Row>> byModel = new LinkedHashMap<>();
    campaigns.forEach(r -> byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()));
    channels.forEach(r -> byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()));
    List<Summary> out = new ArrayList<>();
    for (String model : byModel.keySet()) {
      List<Row> mine = campaigns.stream().filter(r -> r.model().equals(model)).toList();
      List<Row> chans = channels.stream().filter(r -> r.model().equals(model)).toList();
      double[] truth = mine.stream().mapToDouble(Row::truth).toArray();
      double[] credited = mine.stream().mapToDouble(Row::credited).toArray();
      double[] calibrated = mine.stream().mapToDouble(Row::calibrated).toArray();
      double[] loo = mine.stream().mapToDouble(Row::loo).toArray();
      out.add(new Summary(model, sum(truth), sum(credited), sum(calibrated), sum(loo),
          chans.stream().mapToDouble(Row::truth).sum(), chans.stream().mapToDouble(Row::credited).sum(),
          chans.stream().mapToDouble(Row::calibrated).sum(), chans.stream().mapToDouble(Row::loo).sum(),
          spearman(credited, truth), spearman(calibrated, truth), spearman(loo, truth), chans.size(),
          (int) chans.stream().filter(r -> within(r.calibrated(), r.truth())).count(),
          (int) chans.stream().filter(r -> within(r.loo(), r.truth())).count(),
          (int) chans.stream().filter(r -> within(r.credited(), r.truth())).count()));
    }
    return out;
  }

  private static double spearman(double[] a, double[] b) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return Double.NaN;
      }
    }
    return a.length < 3 ? Double.NaN : RankCorrelation.spearman(a, b);
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
