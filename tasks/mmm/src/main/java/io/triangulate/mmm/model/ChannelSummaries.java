package io.triangulate.mmm.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Channel contributions, ROAS and marginal ROAS from a fitted response model.
 *
 * <p>The point columns come from the point estimate (posterior mean of each quantity for the
 * Bayesian model, since its point is the mean over draws); the 90% interval is the 5th–95th
 * percentile of ROAS over the draws. Marginal ROAS is the extra target from spending 1% more in
 * every fitted period, divided by that extra spend: the slope of the response at current spend,
 * carryover included.
 */
public final class ChannelSummaries {

  /** Relative spend increase used for marginal ROAS. */
  public static final double MARGINAL_STEP = 0.01;

  private ChannelSummaries() {}

  /** Contribution, ROAS and mROAS of every channel under one draw: {@code [channel][3]}. */
  public static double[][] evaluate(MediaResponseModel model, ResponseDraw draw) {
    double[][] out = new double[model.channelCount()][3];
    for (int c = 0; c < model.channelCount(); c++) {
      double[] spend = model.spend()[c];
      double totalSpend = 0;
      double[] raised = new double[spend.length];
      for (int t = 0; t < spend.length; t++) {
        totalSpend += spend[t];
        raised[t] = spend[t] * (1 + MARGINAL_STEP);
      }
      double contribution = sum(model.contribution(draw, c, spend));
      double raisedContribution = sum(model.contribution(draw, c, raised));
      out[c][0] = contribution;
      out[c][1] = totalSpend == 0 ? Double.NaN : contribution / totalSpend;
      out[c][2] = totalSpend == 0 ? Double.NaN : (raisedContribution - contribution) / (MARGINAL_STEP * totalSpend);
    }
    return out;
  }

  /**
   * Summary rows. With draws, the point values are the mean over draws when {@code pointIsMean}
   * (Bayesian), otherwise those of the point estimate (ridge); the ROAS interval is from draws.
   */
  public static List<ChannelSummary> summarise(MediaResponseModel model, double totalTarget, boolean pointIsMean) {
    int channels = model.channelCount();
    double[][] point = evaluate(model, model.point());
    List<double[][]> perDraw = new ArrayList<>();
    for (ResponseDraw draw : model.draws()) {
      perDraw.add(evaluate(model, draw));
    }
    List<ChannelSummary> rows = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      double spend = 0;
      for (double v : model.spend()[c]) {
        spend += v;
      }
      double contribution = point[c][0];
      double roas = point[c][1];
      double mroas = point[c][2];
      double low = Double.NaN;
      double high = Double.NaN;
      if (!perDraw.isEmpty()) {
        double[] roasDraws = new double[perDraw.size()];
        double[] contributionDraws = new double[perDraw.size()];
        double[] mroasDraws = new double[perDraw.size()];
        for (int d = 0; d < perDraw.size(); d++) {
          contributionDraws[d] = perDraw.get(d)[c][0];
          roasDraws[d] = perDraw.get(d)[c][1];
          mroasDraws[d] = perDraw.get(d)[c][2];
        }
        low = Metrics.quantile(roasDraws, 0.05);
        high = Metrics.quantile(roasDraws, 0.95);
        if (pointIsMean) {
          contribution = Metrics.mean(contributionDraws);
          roas = Metrics.mean(roasDraws);
          mroas = Metrics.mean(mroasDraws);
        }
      }
      rows.add(new ChannelSummary(
          model.model(), model.channels().get(c), spend, contribution, contribution / totalTarget,
          roas, low, high, mroas));
    }
    return rows;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
