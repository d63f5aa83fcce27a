package io.triangulate.decide.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads the latest warehouse MMM fit (up to the report's date) from the {@code marts.mmm_*} tables
 * for {@link MmmSection}. It never reads the simulator's truth: only `triangulate evaluate` does,
 * and the comparison it stores in marts.mmm_evaluation is what the MMM vs truth table shows.
 */
public final class MmmReportReader {

  private final DSLContext dsl;

  public MmmReportReader(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<MmmReportData> read(LocalDate asOf) {
    Record fit = dsl.fetchOptional(
        "select ds, grain, min(period_start) as period_start, max(period_end) as period_end,"
            + " bool_or(model = 'bayesian') as has_bayesian"
            + " from marts.mmm_model where ds <= ? group by ds, grain order by ds desc, grain limit 1", asOf).orElse(null);
    if (fit == null) {
      return Optional.empty();
    }
    LocalDate ds = fit.get("ds", LocalDate.class);
    String grain = fit.get("grain", String.class);
    String primary = Boolean.TRUE.equals(fit.get("has_bayesian", Boolean.class)) ? "bayesian" : "ridge";
    LocalDate start = fit.get("period_start", LocalDate.class);
    LocalDate end = fit.get("period_end", LocalDate.class).plusDays("weekly".equals(grain) ? 6 : 0);

    List<MmmReportData.Roas> roas = dsl.fetch(
            "select model, channel, spend, contribution_share, roas, roas_low, roas_high, mroas from marts.mmm_channel_summary"
                + " where ds = ? and grain = ? order by channel, model", ds, grain)
        .map(r -> new MmmReportData.Roas(r.get("model", String.class), r.get("channel", String.class), num(r.get("spend")),
            num(r.get("contribution_share")), num(r.get("roas")), num(r.get("roas_low")), num(r.get("roas_high")),
            num(r.get("mroas"))));
    List<MmmReportData.Metric> metrics = dsl.fetch(
            "select model, metric, value from marts.mmm_fit_metrics where ds = ? and grain = ? order by model, metric", ds, grain)
        .map(r -> new MmmReportData.Metric(r.get("model", String.class), r.get("metric", String.class), num(r.get("value"))));

    List<Record> fitRows = dsl.fetch("select period_date, actual, fitted, fitted_low, fitted_high from marts.mmm_fit"
        + " where ds = ? and grain = ? and model = ? order by period_date", ds, grain, primary);
    int n = fitRows.size();
    List<LocalDate> dates = new ArrayList<>();
    double[] actual = new double[n];
    double[] fitted = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    Map<LocalDate, Integer> index = new HashMap<>();
    for (int t = 0; t < n; t++) {
      Record r = fitRows.get(t);
      dates.add(r.get("period_date", LocalDate.class));
      index.put(dates.get(t), t);
      actual[t] = num(r.get("actual"));
      fitted[t] = num(r.get("fitted"));
      low[t] = num(r.get("fitted_low"));
      high[t] = num(r.get("fitted_high"));
    }
    Map<String, double[]> components = new LinkedHashMap<>();
    for (Record r : dsl.fetch("select period_date, component, value from marts.mmm_decomposition where ds = ? and grain = ?"
        + " and model = ? order by component = 'baseline' desc, component, period_date", ds, grain, primary)) {
      Integer t = index.get(r.get("period_date", LocalDate.class));
      if (t != null) {
        components.computeIfAbsent(r.get("component", String.class), c -> new double[n])[t] = num(r.get("value"));
      }
    }
    List<MmmReportData.Component> decomposition = new ArrayList<>();
    components.forEach((name, values) -> decomposition.add(new MmmReportData.Component(name, values)));

    Map<String, List<Record>> curvePoints = new LinkedHashMap<>();
    for (Record r : dsl.fetch("select channel, spend_per_period, revenue_per_period, revenue_low, revenue_high"
        + " from marts.mmm_response_curves where ds = ? and grain = ? and model = ? order by channel, spend_per_period",
        ds, grain, primary)) {
      curvePoints.computeIfAbsent(r.get("channel", String.class), c -> new ArrayList<>()).add(r);
    }
    List<MmmReportData.Curve> curves = new ArrayList<>();
    for (Map.Entry<String, List<Record>> e : curvePoints.entrySet()) {
      List<Record> points = e.getValue();
      double[][] columns = new double[4][points.size()];
      for (int i = 0; i < points.size(); i++) {
        columns[0][i] = num(points.get(i).get("spend_per_period"));
        columns[1][i] = num(points.get(i).get("revenue_per_period"));
        columns[2][i] = num(points.get(i).get("revenue_low"));
        columns[3][i] = num(points.get(i).get("revenue_high"));
      }
      double spend = roas.stream().filter(x -> x.model().equals(primary) && x.channel().equals(e.getKey()))
          .mapToDouble(MmmReportData.Roas::spend).findFirst().orElse(Double.NaN);
      curves.add(new MmmReportData.Curve(e.getKey(), columns[0], columns[1], columns[2], columns[3], n > 0 ? spend / n : Double.NaN));
    }
    List<MmmReportData.Loop> loop = dsl.fetch("select scenario, current_spend, planned_spend, realized_change, predicted_change,"
            + " predicted_change_low, predicted_change_high from marts.mmm_closed_loop where ds = ? and grain = ?"
            + " order by planned_spend", ds, grain)
        .map(r -> new MmmReportData.Loop(r.get("scenario", String.class), num(r.get("current_spend")),
            num(r.get("planned_spend")), num(r.get("realized_change")), num(r.get("predicted_change")),
            num(r.get("predicted_change_low")), num(r.get("predicted_change_high"))));
    List<MmmReportData.Truth> truth = dsl.fetch("select model, channel, true_roas, roas, roas_low, roas_high, covered,"
            + " true_share, share from marts.mmm_evaluation where ds = ? and grain = ? order by model, channel", ds, grain)
        .map(r -> new MmmReportData.Truth(r.get("model", String.class), r.get("channel", String.class),
            num(r.get("true_roas")), num(r.get("roas")), num(r.get("roas_low")), num(r.get("roas_high")),
            Boolean.TRUE.equals(r.get("covered", Boolean.class)), num(r.get("true_share")), num(r.get("share"))));
    return Optional.of(new MmmReportData(start, end, grain, primary, roas, metrics, dates, decomposition, actual, fitted,
        low, high, curves, loop, truth));
  }

  private static double num(Object value) {
    return value == null ? Double.NaN : ((Number) value).doubleValue();
  }
}
