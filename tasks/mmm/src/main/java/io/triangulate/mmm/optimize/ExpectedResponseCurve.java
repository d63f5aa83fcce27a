package io.triangulate.mmm.optimize;

import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.ResponseDraw;
import io.triangulate.mmm.transform.Saturation;
import java.util.List;

/**
 * The expected steady-state response of one channel: the average over draws of
 * {@code β_d·f_d(s/scale)}. With posterior draws this is the posterior expected revenue (not the
 * curve of the average parameters, which would understate the uncertainty's effect on curvature);
 * with a single point estimate it is that estimate's curve. Carryover is handled by the steady
 * state: adstock weights sum to one, so a constant spend adstocks to itself.
 */
public final class ExpectedResponseCurve implements ResponseCurve {

  private final double[] beta;
  private final Saturation[] saturation;
  private final double scale;

  public ExpectedResponseCurve(MediaResponseModel model, int channel, List<ResponseDraw> draws) {
    this.beta = new double[draws.size()];
    this.saturation = new Saturation[draws.size()];
    for (int d = 0; d < draws.size(); d++) {
      beta[d] = draws.get(d).channel(channel).beta();
      saturation[d] = model.saturation().create(draws.get(d).channel(channel).saturationParameters());
    }
    this.scale = model.spendScale()[channel];
  }

  /** Response under each draw at the given spend per period. */
  public double[] valuePerDraw(double spendPerPeriod) {
    double[] values = new double[beta.length];
    for (int d = 0; d < beta.length; d++) {
      values[d] = beta[d] * saturation[d].value(spendPerPeriod / scale);
    }
    return values;
  }

  @Override
  public double value(double spendPerPeriod) {
    double sum = 0;
    double x = spendPerPeriod / scale;
    for (int d = 0; d < beta.length; d++) {
      sum += beta[d] * saturation[d].value(x);
    }
    return sum / beta.length;
  }

  @Override
  public double slope(double spendPerPeriod) {
    double sum = 0;
    double x = spendPerPeriod / scale;
    for (int d = 0; d < beta.length; d++) {
      sum += beta[d] * saturation[d].derivative(x);
    }
    return sum / beta.length / scale;
  }
}
