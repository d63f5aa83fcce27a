package io.triangulate.mmm.optimize;

import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.Metrics;
import io.triangulate.mmm.model.ResponseDraw;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady-state response curves for plotting: per channel, spend per period from zero to three
 * times its mean spend, with expected incremental revenue per period, a 90% band over the draws
 * and the marginal ROAS.
 */
public final class ResponseCurveTable {

  /** One point of one channel's curve. */
  public record Point(String model, String channel, double spendPerPeriod, double revenuePerPeriod,
      double revenueLow, double revenueHigh, double mroas) {}

  private ResponseCurveTable() {}

  public static List<Point> build(MediaResponseModel model, int points) {
    List<Point> out = new ArrayList<>();
    List<ResponseDraw> draws = model.draws().isEmpty() ? List.of(model.point()) : model.draws();
    for (int c = 0; c < model.channelCount(); c++) {
      ExpectedResponseCurve expected = new ExpectedResponseCurve(
          model, c, model.fromPosterior() ? draws : List.of(model.point()));
      ExpectedResponseCurve band = new ExpectedResponseCurve(model, c, draws);
      double mean = Metrics.mean(model.spend()[c]);
      double max = 3 * (mean > 0 ? mean : model.spendScale()[c]);
      for (int i = 0; i < points; i++) {
        double spend = max * i / (points - 1);
        double[] perDraw = band.valuePerDraw(spend);
        out.add(new Point(model.model(), model.channels().get(c), spend, expected.value(spend),
            Metrics.quantile(perDraw, 0.05), Metrics.quantile(perDraw, 0.95), expected.slope(spend)));
      }
    }
    return out;
  }
}
