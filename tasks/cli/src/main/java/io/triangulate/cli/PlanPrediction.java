package io.triangulate.cli;

import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.Metrics;
import io.triangulate.mmm.model.ResponseDraw;
import io.triangulate.mmm.optimize.AllocationRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a budget plan changes, according to the model: the spend multiplier per channel (planned ÷
 * current spend, the input of the simulator's closed loop) and the predicted change of the
 * incremental target over the horizon, with a 90% interval over the model's draws (posterior draws
 * or bootstrap replicates). When the horizon is the fitted window, the prediction is for the same
 * intervention the closed loop re-simulates (the window's spend series, each channel scaled by its
 * multiplier; posterior mean for Bayesian, the point fit for ridge); otherwise the planner's
 * steady-state change. Pure.
 */
record PlanPrediction(
    String scenario, Map<String, Double> multipliers, double currentSpend, double plannedSpend, double change,
    double changeLow, double changeHigh) {

  static PlanPrediction of(MediaResponseModel model, List<AllocationRow> current, List<AllocationRow> plan, int horizon) {
    Map<String, Double> multipliers = new LinkedHashMap<>();
    double[] currentPerPeriod = new double[model.channelCount()];
    double[] plannedPerPeriod = new double[model.channelCount()];
    double currentTotal = 0;
    double plannedTotal = 0;
    for (AllocationRow row : plan) {
      if (row.channel().equals(AllocationRow.TOTAL)) {
        continue;
      }
      int c = model.channelIndex(row.channel());
      currentPerPeriod[c] = row.currentSpend() / horizon;
      plannedPerPeriod[c] = row.optimalSpend() / horizon;
      currentTotal += row.currentSpend();
      plannedTotal += row.optimalSpend();
      multipliers.put(row.channel(), row.currentSpend() > 0 ? row.optimalSpend() / row.currentSpend() : 1.0);
    }
    List<ResponseDraw> draws = model.draws().isEmpty() ? List.of(model.point()) : model.draws();
    double[] perDraw = new double[draws.size()];
    if (horizon == model.dates().size()) {
      // The intervention the closed loop re-simulates: the fitted window's own spend, each channel's
      // series scaled by its multiplier (flights stay flights). Comparing the simulator's answer with
      // the steady state at the mean spend would mix two scenarios: with saturation, spend bunched in
      // on-weeks earns less than the same total spread evenly.
      double mean = 0;
      for (int d = 0; d < draws.size(); d++) {
        perDraw[d] = scaledChange(model, draws.get(d), multipliers);
        mean += perDraw[d] / draws.size();
      }
      double change = model.fromPosterior() ? mean : scaledChange(model, model.point(), multipliers);
      return new PlanPrediction(plan.get(0).scenario(), multipliers, currentTotal, plannedTotal, change,
          Metrics.quantile(perDraw, 0.05), Metrics.quantile(perDraw, 0.95));
    }
    double change = total(plan) - total(current);
    for (int d = 0; d < draws.size(); d++) {
      for (int c = 0; c < model.channelCount(); c++) {
        perDraw[d] += (model.steadyStateEffect(draws.get(d), c, plannedPerPeriod[c])
            - model.steadyStateEffect(draws.get(d), c, currentPerPeriod[c])) * horizon;
      }
    }
    return new PlanPrediction(plan.get(0).scenario(), multipliers, currentTotal, plannedTotal, change,
        Metrics.quantile(perDraw, 0.05), Metrics.quantile(perDraw, 0.95));
  }

  /** Change of the window's modelled target when each channel's spend series is scaled, under one draw. */
  private static double scaledChange(MediaResponseModel model, ResponseDraw draw, Map<String, Double> multipliers) {
    double change = 0;
    for (int c = 0; c < model.channelCount(); c++) {
      double m = multipliers.getOrDefault(model.channels().get(c), 1.0);
      double[] actual = model.spend()[c];
      double[] scaled = new double[actual.length];
      for (int t = 0; t < actual.length; t++) {
        scaled[t] = actual[t] * m;
      }
      change += sum(model.contribution(draw, c, scaled)) - sum(model.contribution(draw, c, actual));
    }
    return change;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  private static double total(List<AllocationRow> rows) {
    return rows.stream().filter(r -> r.channel().equals(AllocationRow.TOTAL)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a plan without its total row")).expectedRevenue();
  }
}
