package io.triangulate.attribution.warehouse;

import io.triangulate.attribution.AttributionReport;
import io.triangulate.attribution.ChannelCredit;
import io.triangulate.attribution.ModelCredits;
import io.triangulate.attribution.calibration.CalibratedCredit;
import io.triangulate.attribution.calibration.CreditCalibration;
import io.triangulate.attribution.calibration.FactorPooling;
import io.triangulate.attribution.comparison.ComparisonRow;
import io.triangulate.attribution.comparison.ExperimentComparison;
import io.triangulate.attribution.comparison.ModelScore;
import io.triangulate.attribution.markov.MarkovAttribution;
import io.triangulate.attribution.markov.RemovalEffect;
import io.triangulate.attribution.markov.Transition;
import io.triangulate.attribution.seed.OlsFit;
import io.triangulate.attribution.seed.OlsTerm;
import io.triangulate.attribution.seed.QqPoint;
import io.triangulate.attribution.seed.SeedAnalysis;
import io.triangulate.attribution.PathSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Everything the attribute task writes for one day, replaced in one transaction: the day's rows of
 * every result table are deleted, then the new rows inserted, so a re-run leaves what one run leaves.
 */
final class AttributionResults {

  static final List<String> TABLES = List.of(
      "marts.attribution_runs", "marts.attribution_credit", "marts.attribution_removal_effects",
      "marts.attribution_transitions", "marts.attribution_vs_experiment", "marts.attribution_model_scores",
      "marts.attribution_calibrated", "marts.attribution_calibration_fit",
      "marts.seed_regression_fit", "marts.seed_regression_terms", "marts.seed_regression_qq");

  private final LocalDate ds;
  private final List<RowBatch> batches = new ArrayList<>();
  private final RowBatch runs = batch("marts.attribution_runs",
      "ds", "level", "window_start", "paths", "conversions", "value", "nulls", "data_driven_auc", "notes",
      "lookback_days");
  private final RowBatch credit = batch("marts.attribution_credit",
      "ds", "level", "model", "label", "conversions", "value", "share");
  private final RowBatch removal = batch("marts.attribution_removal_effects",
      "ds", "level", "markov_order", "label", "removal_effect", "value_removal_effect");
  private final RowBatch transitions = batch("marts.attribution_transitions",
      "ds", "level", "markov_order", "from_state", "to_state", "probability");
  private final RowBatch comparison = batch("marts.attribution_vs_experiment",
      "ds", "scope", "scope_id", "channel", "model", "credited_conversions", "credited_value",
      "incremental_orders", "incremental_orders_ci_low", "incremental_orders_ci_high",
      "incremental_revenue", "incremental_revenue_ci_low", "incremental_revenue_ci_high",
      "attribution_ratio", "calibration_factor", "value_calibration_factor", "abs_error", "within_interval", "closest");
  private final RowBatch scores = batch("marts.attribution_model_scores",
      "ds", "model", "campaigns", "mean_abs_error", "credited_total", "incremental_total", "attribution_ratio",
      "within_interval", "rank");
  private final RowBatch calibrated = batch("marts.attribution_calibrated",
      "ds", "scope", "scope_id", "channel", "model", "credited_conversions", "experiment_orders", "factor",
      "factor_ci_low", "factor_ci_high", "factor_source", "calibrated_conversions", "calibrated_ci_low",
      "calibrated_ci_high", "loo_factor", "loo_calibrated_conversions");
  private final RowBatch calibrationFit = batch("marts.attribution_calibration_fit",
      "ds", "model", "experiments", "tau2", "omega2", "global_factor", "global_factor_se");
  private final RowBatch seedFit = batch("marts.seed_regression_fit",
      "ds", "observations", "predictors", "r_squared", "adj_r_squared", "residual_se", "f_statistic", "half_life_days");
  private final RowBatch seedTerms = batch("marts.seed_regression_terms",
      "ds", "term", "position", "coefficient", "std_error", "ci_low", "ci_high", "t_value", "p_value", "vif");
  private final RowBatch seedQq = batch("marts.seed_regression_qq", "ds", "probability", "theoretical", "residual");

  AttributionResults(LocalDate ds) {
    this.ds = ds;
  }

  private RowBatch batch(String table, String... columns) {
    RowBatch b = new RowBatch(table, columns);
    batches.add(b);
    return b;
  }

  void addLevel(String level, LocalDate windowStart, int lookbackDays, PathSet paths, AttributionReport report) {
    Double auc = report.dataDriven().map(f -> f.heldOutAuc()).orElse(null);
    runs.add(ds, level, windowStart, (long) paths.size(), paths.totalConversions(), paths.totalValue(), paths.totalNulls(),
        auc, report.skipped().isEmpty() ? null : String.join("; ", report.skipped()), lookbackDays);
    for (ModelCredits model : report.credits()) {
      for (ChannelCredit c : model.channels()) {
        credit.add(ds, level, model.model(), c.channel(), c.conversions(), c.value(), c.share());
      }
    }
    for (MarkovAttribution markov : report.markov()) {
      for (RemovalEffect effect : markov.removalEffects()) {
        removal.add(ds, level, markov.order(), effect.channel(), effect.conversions(), effect.value());
      }
      for (Transition t : markov.transitions()) {
        transitions.add(ds, level, markov.order(), t.from(), t.to(), t.probability());
      }
    }
  }

  void addComparison(ExperimentComparison.Result result) {
    for (ComparisonRow r : result.rows()) {
      var e = r.experiment();
      comparison.add(ds, r.scope(), r.scopeId(), r.channel(), r.model(), r.creditedConversions(), r.creditedValue(),
          e.incrementalOrders(), e.ordersLow(), e.ordersHigh(), e.incrementalRevenue(), e.revenueLow(), e.revenueHigh(),
          r.attributionRatio(), r.calibrationFactor(), r.valueCalibrationFactor(), r.absError(), r.withinInterval(),
          r.closest());
    }
    for (ModelScore s : result.scores()) {
      scores.add(ds, s.model(), s.campaigns(), s.meanAbsError(), s.creditedTotal(), s.incrementalTotal(),
          s.attributionRatio(), s.withinInterval(), s.rank());
    }
  }

  /** One model's calibrated credit and pooling fit (NaN, undefined, is stored as null). */
  void addCalibration(CreditCalibration.Result result) {
    for (CalibratedCredit r : result.rows()) {
      calibrated.add(ds, r.scope(), r.scopeId(), r.channel(), r.model(), r.credited(), r.experimentOrders(),
          r.factor(), r.factorLow(), r.factorHigh(), r.source(), r.calibrated(),
          r.low(), r.high(), r.looFactor(), r.looCalibrated());
    }
    FactorPooling.Fit fit = result.fit();
    String model = result.rows().isEmpty() ? null : result.rows().get(0).model();
    if (model != null) {
      calibrationFit.add(ds, model, result.experiments(), fit.tau2(), fit.omega2(),
          fit.globalMean(), Math.sqrt(fit.globalVariance()));
    }
  }

  void addSeed(Optional<SeedAnalysis> analysis) {
    if (analysis.isEmpty()) {
      return;
    }
    SeedAnalysis a = analysis.get();
    OlsFit fit = a.fit();
    seedFit.add(ds, fit.observations(), fit.terms().size() - 1, fit.rSquared(), fit.adjRSquared(), fit.residualSe(),
        fit.fStatistic(), a.halfLifeDays());
    int position = 0;
    for (OlsTerm t : fit.terms()) {
      seedTerms.add(ds, t.term(), position++, t.coefficient(), t.stdError(), t.ciLow(), t.ciHigh(), t.tValue(),
          t.pValue(), t.vif());
    }
    for (QqPoint q : a.qq()) {
      seedQq.add(ds, q.probability(), q.theoretical(), q.residual());
    }
  }

  /** Replaces the day's rows of every result table; returns rows written per table. */
  Map<String, Integer> replace(DSLContext dsl) {
    return dsl.transactionResult(configuration -> {
      DSLContext tx = DSL.using(configuration);
      java.util.LinkedHashMap<String, Integer> written = new java.util.LinkedHashMap<>();
      for (RowBatch b : batches) {
        tx.execute("delete from " + b.table() + " where ds = ?", ds);
        written.put(b.table(), b.insert(tx));
      }
      return written;
    });
  }
}
