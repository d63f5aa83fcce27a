package io.triangulate.mmm.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.mmm.model.ChannelResponse;
import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.ResponseDraw;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetPlannerTest {

  /**
   * Two Michaelis-Menten channels on spend scale 1: β = (100, 50), K = (10, 5), each having spent
   * a constant 15 per week for 60 weeks. Draws scale β by 0.8 … 1.2 to give intervals.
   */
  static MediaResponseModel model(String kind) {
    int weeks = 60;
    double[][] spend = new double[2][weeks];
    List<String> dates = new ArrayList<>();
    for (int t = 0; t < weeks; t++) {
      spend[0][t] = 15;
      spend[1][t] = 15;
      dates.add(java.time.LocalDate.of(2023, 1, 2).plusWeeks(t).toString());
    }
    ResponseDraw point = draw(1.0);
    List<ResponseDraw> draws = new ArrayList<>();
    for (int d = 0; d <= 40; d++) {
      draws.add(draw(0.8 + 0.01 * d));
    }
    return new MediaResponseModel(kind, "revenue", AdstockKind.GEOMETRIC, SaturationKind.MICHAELIS_MENTEN, 3, 7,
        List.of("a", "b"), new double[] {1, 1}, dates, spend, point, draws);
  }

  private static ResponseDraw draw(double factor) {
    return new ResponseDraw(List.of(
        new ChannelResponse(100 * factor, new double[] {0.5}, new double[] {10}),
        new ChannelResponse(50 * factor, new double[] {0.5}, new double[] {5})));
  }

  @Test
  void steadyStateOfConstantSpendIncludesFullCarryover() {
    MediaResponseModel model = model("ridge");
    double[] constant = new double[40];
    java.util.Arrays.fill(constant, 15);
    double[] series = model.contribution(model.point(), 0, constant);
    // After maxLag periods the normalised adstock of a constant spend is that spend: 100·15/25 = 60.
    assertEquals(60, series[39], 1e-9);
    assertEquals(60, model.steadyStateEffect(model.point(), 0, 15), 1e-12);
    assertTrue(series[0] < 60);
  }

  @Test
  void hundredPercentScenarioReallocatesTowardsEqualMarginalReturns() {
    BudgetPlanner planner = new BudgetPlanner(model("ridge"),
        new PlanSettings(52, 10, Map.of(), new ChannelBounds(0, 5, true)));
    assertEquals(300, planner.currentBudget(), 1e-9); // (15 + 15) per week × 10 weeks
    List<AllocationRow> rows = planner.optimise("100%", 300);
    // 30 per week splits 20 / 10 (the closed form of BudgetAllocatorTest), over 10 weeks.
    assertEquals(200, rows.get(0).optimalSpend(), 1e-6);
    assertEquals(100, rows.get(1).optimalSpend(), 1e-6);
    assertEquals(50, rows.get(0).change(), 1e-6);
    // Revenue per week 100·20/30 + 50·10/15 = 100, over 10 weeks.
    AllocationRow total = rows.get(2);
    assertEquals(AllocationRow.TOTAL, total.channel());
    assertEquals(1000, total.expectedRevenue(), 1e-6);
    assertEquals(10.0 / 9, total.mroas(), 1e-6);
    // Bootstrap-style draws scale β by 0.8 … 1.2, so the 90% band is 0.82 … 1.18 of the point.
    assertEquals(820, total.expectedRevenueLow(), 1e-6);
    assertEquals(1180, total.expectedRevenueHigh(), 1e-6);
    // Better than leaving the split as it is.
    double current = planner.currentPlan().get(2).expectedRevenue();
    assertTrue(total.expectedRevenue() > current);
  }

  @Test
  void scenariosSpendTheRequestedShareOfTheCurrentBudget() {
    BudgetPlanner planner = new BudgetPlanner(model("bayesian"), new PlanSettings(52, 52, Map.of(), ChannelBounds.defaults()));
    List<AllocationRow> rows = planner.scenarios();
    assertEquals(15, rows.size()); // 5 scenarios × (2 channels + total)
    double current = planner.currentBudget();
    double[] factors = BudgetPlanner.SCENARIOS;
    for (int i = 0; i < factors.length; i++) {
      AllocationRow total = rows.get(3 * i + 2);
      assertEquals(factors[i] * current, total.optimalSpend(), 1e-6 * current, total.scenario());
    }
  }

  @Test
  void relativeAndAbsoluteBoundsAreRespected() {
    PlanSettings settings = new PlanSettings(52, 52,
        Map.of("a", new ChannelBounds(0.9, 1.1, true), "b", new ChannelBounds(0, 52 * 20, false)), ChannelBounds.defaults());
    List<AllocationRow> rows = new BudgetPlanner(model("ridge"), settings).optimise("x", 52 * 30);
    assertEquals(52 * 15 * 1.1, rows.get(0).optimalSpend(), 1e-6);
    assertEquals(52 * 30 - 52 * 15 * 1.1, rows.get(1).optimalSpend(), 1e-6);
  }

  @Test
  void targetModesFindTheLargestEfficientBudget() {
    BudgetPlanner planner = new BudgetPlanner(model("ridge"), new PlanSettings(52, 1, Map.of(), new ChannelBounds(0, 10, true)));
    // Marginal ROAS target 1: s_c with β_cK_c/(K_c+s)² = 1 → s = √1000 − 10 and √250 − 5.
    List<AllocationRow> marginal = planner.targetMarginalRoas(1);
    assertEquals(Math.sqrt(1000) - 10, marginal.get(0).optimalSpend(), 1e-6);
    assertEquals(Math.sqrt(250) - 5, marginal.get(1).optimalSpend(), 1e-6);
    assertEquals(1, marginal.get(0).mroas(), 1e-6);
    // Total ROAS target 4: the largest budget with revenue / spend ≥ 4 has revenue / spend = 4.
    AllocationRow total = planner.targetRoas(4).get(2);
    assertEquals(4, total.expectedRevenue() / total.optimalSpend(), 1e-6);
  }
}
