package io.triangulate.mmm.model;

import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.MediaTransform;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.List;

/**
 * The media part of a fitted model, everything the budget optimiser needs and nothing it does not:
 * channel response curves (a point estimate plus draws that carry the uncertainty: posterior
 * draws for the Bayesian model, bootstrap replicates for ridge) and the spend history that defines
 * "current" spend. Serialised as {@code model.json} by {@link ModelJson}.
 *
 * @param model {@code ridge} or {@code bayesian}
 * @param periodDays length of one period in days (7 for weekly data)
 * @param spendScale per channel, the divisor that turns spend into the curves' scaled spend
 * @param dates ISO dates of the fitted periods
 * @param spend spend history {@code [channel][period]} in the user's units
 */
public record MediaResponseModel(
    String model,
    String targetName,
    AdstockKind adstock,
    SaturationKind saturation,
    int maxLag,
    long periodDays,
    List<String> channels,
    double[] spendScale,
    List<String> dates,
    double[][] spend,
    ResponseDraw point,
    List<ResponseDraw> draws) {

  public MediaResponseModel {
    channels = List.copyOf(channels);
    dates = List.copyOf(dates);
    draws = List.copyOf(draws);
  }

  /** Posterior draws (Bayesian) rather than bootstrap replicates around a point estimate (ridge). */
  public boolean fromPosterior() {
    return "bayesian".equals(model);
  }

  public int channelCount() {
    return channels.size();
  }

  public int channelIndex(String name) {
    int index = channels.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("the model has no channel '" + name + "'; it has " + channels);
    }
    return index;
  }

  public MediaTransform transform(ResponseDraw draw, int channel) {
    ChannelResponse response = draw.channel(channel);
    return MediaTransform.of(
        adstock, response.adstockParameters(), maxLag, saturation, response.saturationParameters());
  }

  /** Effect of a spend series on the target, period by period, under one draw. */
  public double[] contribution(ResponseDraw draw, int channel, double[] spendSeries) {
    double scale = spendScale[channel];
    double[] scaled = new double[spendSeries.length];
    for (int t = 0; t < scaled.length; t++) {
      scaled[t] = spendSeries[t] / scale;
    }
    double[] response = transform(draw, channel).response(scaled);
    double beta = draw.channel(channel).beta();
    for (int t = 0; t < response.length; t++) {
      response[t] *= beta;
    }
    return response;
  }

  /**
   * Effect per period of spending {@code spendPerPeriod} every period, once carryover has built
   * up. Adstock weights sum to one, so the steady state is {@code β·f(s/scale)}.
   */
  public double steadyStateEffect(ResponseDraw draw, int channel, double spendPerPeriod) {
    ChannelResponse response = draw.channel(channel);
    return response.beta()
        * saturation.create(response.saturationParameters()).value(spendPerPeriod / spendScale[channel]);
  }

  /** Derivative of {@link #steadyStateEffect} with respect to spend per period (marginal ROAS). */
  public double steadyStateMarginal(ResponseDraw draw, int channel, double spendPerPeriod) {
    ChannelResponse response = draw.channel(channel);
    double scale = spendScale[channel];
    return response.beta()
        * saturation.create(response.saturationParameters()).derivative(spendPerPeriod / scale) / scale;
  }

  /** Mean spend per period over the last {@code periods} periods (all if fewer). */
  public double recentSpendPerPeriod(int channel, int periods) {
    double[] series = spend[channel];
    int from = Math.max(0, series.length - periods);
    double sum = 0;
    for (int t = from; t < series.length; t++) {
      sum += series[t];
    }
    return sum / (series.length - from);
  }
}
