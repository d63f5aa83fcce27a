package io.triangulate.mmm.optimize;

import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.Metrics;
import io.triangulate.mmm.model.ResponseDraw;
import java.util.ArrayList;
import java.util.List;

/**
 * Budget scenarios on a fitted model. Plans are steady states: the same spend every period of the
 * horizon, so carryover is fully built up (normalised adstock makes the steady-state adstock of a
 * constant spend equal to that spend). With a Bayesian model the allocation maximises posterior
 * expected revenue and intervals come from the posterior draws; with ridge it maximises the point
 * estimate and intervals come from the bootstrap replicates.
 */
public final class BudgetPlanner {

  /** Budget multipliers of the standard scenarios. */
  public static final double[] SCENARIOS = {0.9, 1.0, 1.1, 1.2, 1.5};

  private final MediaResponseModel model;
  private final PlanSettings settings;
  private final List<ExpectedResponseCurve> curves = new ArrayList<>();
  private final List<ExpectedResponseCurve> drawCurves = new ArrayList<>();
  private final double[] current;
  private final double[] lower;
  private final double[] upper;

  public BudgetPlanner(MediaResponseModel model, PlanSettings settings) {
    this.model = model;
    this.settings = settings;
    int k = model.channelCount();
    for (String name : settings.bounds().keySet()) {
      model.channelIndex(name);
    }
    List<ResponseDraw> draws = model.draws().isEmpty() ? List.of(model.point()) : model.draws();
    List<ResponseDraw> optimised = model.fromPosterior() ? draws : List.of(model.point());
    this.current = new double[k];
    this.lower = new double[k];
    this.upper = new double[k];
    int horizon = settings.horizonPeriods();
    for (int c = 0; c < k; c++) {
      curves.add(new ExpectedResponseCurve(model, c, optimised));
      drawCurves.add(new ExpectedResponseCurve(model, c, draws));
      current[c] = model.recentSpendPerPeriod(c, settings.referencePeriods());
      ChannelBounds bounds = settings.bounds().getOrDefault(model.channels().get(c), settings.defaultBounds());
      lower[c] = bounds.lowerPerPeriod(current[c], horizon);
      upper[c] = bounds.upperPerPeriod(current[c], horizon);
    }
  }

  /** Current total spend over the horizon. */
  public double currentBudget() {
    return BudgetAllocator.sum(current) * settings.horizonPeriods();
  }

  /** The allowed range of total budgets over the horizon. */
  public double[] budgetRange() {
    int h = settings.horizonPeriods();
    return new double[] {BudgetAllocator.sum(lower) * h, BudgetAllocator.sum(upper) * h};
  }

  /** Current spend, unchanged: the yardstick every other scenario is compared with. */
  public List<AllocationRow> currentPlan() {
    return rows("current", current, Double.NaN);
  }

  /**
   * The best split of {@code budget} (total over the horizon). The total row's mROAS is the
   * multiplier the plan equalises, i.e. the return of the next unit of budget; it is left empty
   * when the budget sits at the bounds' minimum or maximum, where that return is undefined.
   */
  public List<AllocationRow> optimise(String scenario, double budget) {
    BudgetAllocator.Allocation allocation = BudgetAllocator.allocate(curves, budget / settings.horizonPeriods(), lower, upper);
    double[] range = budgetRange();
    boolean atBound = budget >= range[1] * (1 - 1e-9) || budget <= range[0] * (1 + 1e-9);
    return rows(scenario, allocation.spend(), atBound ? Double.NaN : allocation.multiplier());
  }

  /** Optimal plans at 90/100/110/120/150% of the current budget (clamped to the bounds). */
  public List<AllocationRow> scenarios() {
    List<AllocationRow> rows = new ArrayList<>();
    double[] range = budgetRange();
    for (double factor : SCENARIOS) {
      double wanted = factor * currentBudget();
      double budget = Math.max(range[0], Math.min(range[1], wanted));
      String name = String.format("%d%%", Math.round(factor * 100));
      // A scenario the bounds cannot reach is planned at the nearest reachable budget and says so.
      rows.addAll(optimise(budget == wanted ? name : name + "_capped_by_bounds", budget));
    }
    return rows;
  }

  /**
   * Largest budget whose optimal allocation keeps total ROAS at or above {@code target}
   * (ROAS falls as budget grows on concave curves, so bisection finds it). Returns the plan at the
   * lowest allowed budget if even that misses the target.
   */
  public List<AllocationRow> targetRoas(double target) {
    double[] range = budgetRange();
    if (roasAt(range[1]) >= target) {
      return optimise("target_roas_capped_by_bounds", range[1]);
    }
    if (roasAt(range[0]) < target) {
      return optimise("target_roas_unreachable", range[0]);
    }
    double low = range[0];
    double high = range[1];
    for (int i = 0; i < 60 && high - low > 1e-9 * high; i++) {
      double mid = 0.5 * (low + high);
      if (roasAt(mid) >= target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return optimise("target_roas", low);
  }

  /**
   * Largest budget whose marginal ROAS stays at or above {@code target}: every channel spends up
   * to where its marginal return falls to the target (within its bounds).
   */
  public List<AllocationRow> targetMarginalRoas(double target) {
    double[] spend = BudgetAllocator.spendAt(curves, target, lower, upper);
    boolean capped = true;
    for (int c = 0; c < spend.length; c++) {
      capped &= spend[c] >= upper[c];
    }
    return rows(capped ? "target_mroas_capped_by_bounds" : "target_mroas", spend, capped ? Double.NaN : target);
  }

  private double roasAt(double budget) {
    BudgetAllocator.Allocation allocation = BudgetAllocator.allocate(curves, budget / settings.horizonPeriods(), lower, upper);
    double revenue = 0;
    for (int c = 0; c < curves.size(); c++) {
      revenue += curves.get(c).value(allocation.spend()[c]);
    }
    return revenue / (budget / settings.horizonPeriods());
  }

  private List<AllocationRow> rows(String scenario, double[] spendPerPeriod, double multiplier) {
    int h = settings.horizonPeriods();
    int k = curves.size();
    List<AllocationRow> rows = new ArrayList<>();
    int draws = model.draws().isEmpty() ? 1 : model.draws().size();
    double[] totalPerDraw = new double[draws];
    double totalCurrent = 0;
    double totalSpend = 0;
    double totalRevenue = 0;
    for (int c = 0; c < k; c++) {
      double revenue = curves.get(c).value(spendPerPeriod[c]) * h;
      double[] perDraw = drawCurves.get(c).valuePerDraw(spendPerPeriod[c]);
      for (int d = 0; d < draws; d++) {
        perDraw[d] *= h;
        totalPerDraw[d] += perDraw[d];
      }
      double spend = spendPerPeriod[c] * h;
      rows.add(new AllocationRow(
          scenario, model.channels().get(c), current[c] * h, spend, spend - current[c] * h, revenue,
          Metrics.quantile(perDraw, 0.05), Metrics.quantile(perDraw, 0.95),
          spend > 0 ? revenue / spend : Double.NaN, curves.get(c).slope(spendPerPeriod[c])));
      totalCurrent += current[c] * h;
      totalSpend += spend;
      totalRevenue += revenue;
    }
    rows.add(new AllocationRow(
        scenario, AllocationRow.TOTAL, totalCurrent, totalSpend, totalSpend - totalCurrent, totalRevenue,
        Metrics.quantile(totalPerDraw, 0.05), Metrics.quantile(totalPerDraw, 0.95),
        totalSpend > 0 ? totalRevenue / totalSpend : Double.NaN, multiplier));
    return rows;
  }
}
