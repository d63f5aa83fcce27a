package io.triangulate.mmm.warehouse;

import io.triangulate.mmm.ModelJson;
import io.triangulate.mmm.model.ChannelSummary;
import io.triangulate.mmm.model.Decomposition;
import io.triangulate.mmm.model.FitMetric;
import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ParameterEstimate;
import io.triangulate.mmm.optimize.AllocationRow;
import io.triangulate.mmm.optimize.ResponseCurveTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The MMM's result tables ({@code marts.mmm_*}, see V3_3__mmm.sql). A fit replaces every row of its
 * {@link FitKey} in one transaction, so re-running it leaves the same tables and a failure leaves
 * the previous fit in place. NaN (no interval, no metric) is stored as NULL.
 */
public final class MmmResultStore {

  /** Tables holding one fit's rows; the allocation and closed loop are replaced with the fit too. */
  private static final List<String> FIT_TABLES = List.of(
      "marts.mmm_model", "marts.mmm_channel_summary", "marts.mmm_decomposition", "marts.mmm_fit_metrics",
      "marts.mmm_parameters", "marts.mmm_fit", "marts.mmm_response_curves", "marts.mmm_allocation",
      "marts.mmm_closed_loop");

  private final DSLContext dsl;

  public MmmResultStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Replaces the rows of {@code key} with {@code results}; returns the number of rows written. */
  public int replaceFit(FitKey key, ModelInputs inputs, List<ModelResult> results, String advertiser) {
    return dsl.transactionResult(tx -> {
      DSLContext t = tx.dsl();
      for (String table : FIT_TABLES) {
        // Table names are constants of this class, never input.
        t.execute("delete from " + table + " where ds = ? and grain = ?", key.ds(), key.grain().label());
      }
      int rows = 0;
      for (ModelResult result : results) {
        rows += writeResult(t, key, inputs, result, advertiser);
      }
      return rows;
    });
  }

  private static int writeResult(DSLContext t, FitKey key, ModelInputs inputs, ModelResult result, String advertiser) {
    LocalDate ds = key.ds();
    String grain = key.grain().label();
    String model = result.model();
    int rows = t.execute(
        "insert into marts.mmm_model (ds, grain, model, period_start, period_end, periods, advertiser, model_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        ds, grain, model, inputs.dates()[0], inputs.dates()[inputs.periods() - 1], inputs.periods(), advertiser,
        ModelJson.toJson(List.of(result.response())));

    BatchBindStep summary = t.batch("insert into marts.mmm_channel_summary (ds, grain, model, channel, spend, contribution,"
        + " contribution_share, roas, roas_low, roas_high, mroas) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (ChannelSummary s : result.channelSummaries()) {
      summary.bind(ds, grain, model, s.channel(), s.spend(), n(s.contribution()), n(s.contributionShare()), n(s.roas()),
          n(s.roasLow()), n(s.roasHigh()), n(s.mroas()));
    }
    rows += execute(summary, result.channelSummaries().size());

    Decomposition d = result.decomposition();
    BatchBindStep decomposition = t.batch("insert into marts.mmm_decomposition (ds, grain, model, period_date, component, value)"
        + " values (?, ?, ?, ?, ?, ?)");
    int count = 0;
    for (int p = 0; p < d.dates().length; p++) {
      for (int k = 0; k < d.components().size(); k++) {
        decomposition.bind(ds, grain, model, d.dates()[p], d.components().get(k), d.values()[k][p]);
        count++;
      }
    }
    rows += execute(decomposition, count);

    BatchBindStep metrics = t.batch("insert into marts.mmm_fit_metrics (ds, grain, model, metric, value) values (?, ?, ?, ?, ?)");
    for (FitMetric m : result.metrics()) {
      metrics.bind(ds, grain, model, m.metric(), n(m.value()));
    }
    rows += execute(metrics, result.metrics().size());

    BatchBindStep parameters = t.batch("insert into marts.mmm_parameters (ds, grain, model, parameter, estimate, low, high,"
        + " rhat, ess) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (ParameterEstimate p : result.parameters()) {
      parameters.bind(ds, grain, model, p.parameter(), n(p.estimate()), n(p.low()), n(p.high()), n(p.rhat()), n(p.ess()));
    }
    rows += execute(parameters, result.parameters().size());

    BatchBindStep fit = t.batch("insert into marts.mmm_fit (ds, grain, model, period_date, actual, fitted, fitted_low,"
        + " fitted_high) values (?, ?, ?, ?, ?, ?, ?, ?)");
    for (int p = 0; p < inputs.periods(); p++) {
      fit.bind(ds, grain, model, inputs.dates()[p], inputs.target()[p], result.fitted()[p], n(result.fittedLow()[p]),
          n(result.fittedHigh()[p]));
    }
    rows += execute(fit, inputs.periods());

    List<ResponseCurveTable.Point> points = ResponseCurveTable.build(result.response(), 41);
    BatchBindStep curves = t.batch("insert into marts.mmm_response_curves (ds, grain, model, channel, spend_per_period,"
        + " revenue_per_period, revenue_low, revenue_high, mroas) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (ResponseCurveTable.Point p : points) {
      curves.bind(ds, grain, model, p.channel(), p.spendPerPeriod(), n(p.revenuePerPeriod()), n(p.revenueLow()),
          n(p.revenueHigh()), n(p.mroas()));
    }
    rows += execute(curves, points.size());
    return rows;
  }

  /** Replaces one model's budget plans of a fit (every scenario). */
  public int replaceAllocation(FitKey key, String model, List<AllocationRow> rows) {
    return dsl.transactionResult(tx -> {
      DSLContext t = tx.dsl();
      t.execute("delete from marts.mmm_allocation where ds = ? and grain = ? and model = ?", key.ds(), key.grain().label(), model);
      BatchBindStep insert = t.batch("insert into marts.mmm_allocation (ds, grain, model, scenario, channel, current_spend,"
          + " optimal_spend, change, expected_revenue, expected_revenue_low, expected_revenue_high, roas, mroas)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (AllocationRow r : rows) {
        insert.bind(key.ds(), key.grain().label(), model, r.scenario(), r.channel(), r.currentSpend(), r.optimalSpend(),
            r.change(), n(r.expectedRevenue()), n(r.expectedRevenueLow()), n(r.expectedRevenueHigh()), n(r.roas()),
            n(r.mroas()));
      }
      return execute(insert, rows.size());
    });
  }

  /** The latest fit (of {@code grain}, or of any grain when null). */
  public Optional<FitKey> latestFit(Grain grain) {
    Record r = dsl.fetchOptional(
        "select ds, grain from marts.mmm_model where (?::text is null or grain = ?) order by ds desc, grain limit 1",
        grain == null ? null : grain.label(), grain == null ? null : grain.label()).orElse(null);
    return r == null ? Optional.empty()
        : Optional.of(new FitKey(r.get("ds", LocalDate.class), Grain.parse(r.get("grain", String.class))));
  }

  /** The fitted response models of a fit (Bayesian and/or ridge). */
  public List<MediaResponseModel> models(FitKey key) {
    List<String> json = dsl.fetch("select model_json from marts.mmm_model where ds = ? and grain = ? order by model",
        key.ds(), key.grain().label()).getValues(0, String.class);
    if (json.isEmpty()) {
      throw new IllegalArgumentException("no MMM fitted on the warehouse for the " + key
          + "; run `triangulate mmm fit --warehouse` first");
    }
    return json.stream().flatMap(j -> ModelJson.fromJson(j, "marts.mmm_model (" + key + ")").stream()).toList();
  }

  /** The fitted window [start, end] of a fit. */
  public LocalDate[] window(FitKey key) {
    Record r = dsl.fetchSingle("select min(period_start) as s, max(period_end) as e from marts.mmm_model where ds = ? and grain = ?",
        key.ds(), key.grain().label());
    return new LocalDate[] {r.get("s", LocalDate.class), r.get("e", LocalDate.class)};
  }

  private static int execute(BatchBindStep batch, int bound) {
    if (bound == 0) {
      return 0;
    }
    batch.execute();
    return bound;
  }

  /** NaN and infinities become NULL: "no value" must not look like a number in SQL. */
  static Double n(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
