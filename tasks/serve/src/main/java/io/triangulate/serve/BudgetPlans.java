package io.triangulate.serve;

import static io.triangulate.db.marts.Tables.MMM_MODEL;
import static org.jooq.impl.DSL.md5;

import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.optimize.AllocationRow;
import io.triangulate.mmm.optimize.BudgetPlanner;
import io.triangulate.mmm.optimize.ChannelBounds;
import io.triangulate.mmm.optimize.PlanSettings;
import io.triangulate.mmm.warehouse.FitKey;
import io.triangulate.mmm.warehouse.Grain;
import io.triangulate.mmm.warehouse.MmmResultStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * {@code GET /api/v1/mmm/plan}: the fitted MMM's budget optimiser evaluated at a total budget the
 * caller chooses (the dashboard's slider). Same framing as {@code optimize --warehouse}: steady
 * state over the fitted window's periods, current spend = the window's mean, each channel between
 * 0.5× and 2× its current spend; the Bayesian model when fitted, else ridge.
 *
 * <p>Building a planner parses the stored model (thousands of posterior draws), so planners are
 * kept per fit and model and rebuilt only when the stored model's text changes (a refit of the
 * same key): the md5 of {@code model_json} is one cheap indexed lookup per request.
 */
public final class BudgetPlans {

  static final ChannelBounds BOUNDS = ChannelBounds.defaults();

  private record Cached(String md5, MediaResponseModel model, BudgetPlanner planner) {}

  private final DSLContext dsl;
  private final MmmResultStore store;
  private final Map<String, Cached> planners = new java.util.HashMap<>();

  public BudgetPlans(DSLContext dsl) {
    this.dsl = dsl;
    this.store = new MmmResultStore(dsl);
  }

  /**
   * The plan for {@code budget} (total over the horizon; null = the current budget) on the fit of
   * {@code ds}/{@code grain} (null = the latest) and {@code model} (null = bayesian if fitted).
   */
  public Map<String, Object> plan(LocalDate ds, String grain, String model, Double budget) {
    Grain g = grain == null ? null : parseGrain(grain);
    FitKey key = ds != null
        ? new FitKey(ds, g != null ? g : Grain.WEEKLY)
        : store.latestFit(g).orElseThrow(() -> new ApiException(404,
            "no MMM fitted on the warehouse yet", "ds", "run `triangulate mmm fit --warehouse` first"));
    var m = MMM_MODEL;
    Result<Record2<String, String>> fitted = dsl.select(m.MODEL, md5(m.MODEL_JSON))
        .from(m).where(m.DS.eq(key.ds()), m.GRAIN.eq(key.grain().label())).orderBy(m.MODEL).fetch();
    if (fitted.isEmpty()) {
      throw new ApiException(404, "no MMM fitted for the " + key, "ds", "the last day of a stored fit (see /api/v1/mmm)");
    }
    Record2<String, String> chosen = null;
    for (Record2<String, String> r : fitted) {
      if (model != null ? r.get(m.MODEL).equals(model) : chosen == null || r.get(m.MODEL).equals("bayesian")) {
        chosen = r;
      }
    }
    if (chosen == null) {
      throw ApiException.badRequest("model", "one of " + String.join(", ", fitted.getValues(m.MODEL)) + " (fitted for the " + key + ")");
    }
    Cached c = planner(key, chosen.value1(), chosen.value2());
    BudgetPlanner planner = c.planner();
    double current = planner.currentBudget();
    double[] range = planner.budgetRange();
    double wanted = budget == null ? current : budget;
    if (!(wanted >= range[0] * (1 - 1e-12) && wanted <= range[1] * (1 + 1e-12))) {
      throw ApiException.badRequest("budget", String.format(java.util.Locale.ROOT,
          "a number from %.2f to %.2f (0.5x to 2x each channel's current spend)", range[0], range[1]));
    }
    wanted = Math.max(range[0], Math.min(range[1], wanted));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ds", key.ds());
    body.put("grain", key.grain().label());
    body.put("model", c.model().model());
    body.put("horizon_periods", c.model().dates().size());
    body.put("period_days", c.model().periodDays());
    body.put("budget", wanted);
    body.put("current_budget", current);
    body.put("min_budget", range[0]);
    body.put("max_budget", range[1]);
    body.put("interval", 0.9);
    body.put("current", total(planner.currentPlan()));
    List<AllocationRow> rows = planner.optimise("budget", wanted);
    body.put("total", total(rows));
    List<Map<String, Object>> channels = new ArrayList<>();
    for (AllocationRow r : rows) {
      if (!r.channel().equals(AllocationRow.TOTAL)) {
        channels.add(row(r));
      }
    }
    body.put("channels", channels);
    return body;
  }

  // Synchronized: a request arriving during the warm-up waits for that build instead of repeating it.
  private synchronized Cached planner(FitKey key, String model, String md5) {
    String id = key.ds() + "/" + key.grain().label() + "/" + model;
    Cached c = planners.get(id);
    if (c == null || !c.md5().equals(md5)) {
      MediaResponseModel response = store.models(key).stream()
          .filter(r -> r.model().equals(model)).findFirst()
          .orElseThrow(() -> new ApiException(404, "the " + key + " has no " + model + " model", "model", "a fitted model"));
      int periods = response.dates().size();
      BudgetPlanner planner = new BudgetPlanner(response, new PlanSettings(periods, periods, Map.of(), BOUNDS));
      c = new Cached(md5, response, planner);
      planners.put(id, c);
    }
    return c;
  }

  private static Grain parseGrain(String grain) {
    if (!grain.equals("daily") && !grain.equals("weekly")) {
      throw ApiException.badRequest("grain", "daily or weekly");
    }
    return Grain.parse(grain);
  }

  private static Map<String, Object> total(List<AllocationRow> rows) {
    return row(rows.stream().filter(r -> r.channel().equals(AllocationRow.TOTAL)).findFirst().orElseThrow());
  }

  private static Map<String, Object> row(AllocationRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", r.channel());
    m.put("current_spend", r.currentSpend());
    m.put("optimal_spend", r.optimalSpend());
    m.put("change", r.change());
    m.put("expected_revenue", finite(r.expectedRevenue()));
    m.put("expected_revenue_low", finite(r.expectedRevenueLow()));
    m.put("expected_revenue_high", finite(r.expectedRevenueHigh()));
    m.put("roas", finite(r.roas()));
    m.put("mroas", finite(r.mroas()));
    return m;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
