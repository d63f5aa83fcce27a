package io.triangulate.mmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.mmm.bayes.BayesianMmm;
import io.triangulate.mmm.bayes.BayesianSettings;
import io.triangulate.mmm.model.ChannelSummary;
import io.triangulate.mmm.model.LiftTest;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.optimize.BudgetPlanner;
import io.triangulate.mmm.optimize.PlanSettings;
import io.triangulate.mmm.ridge.RidgeMmm;
import io.triangulate.mmm.ridge.RidgeSettings;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every adstock and saturation runs through both models and the planner (short runs, sanity only). */
class ShapesSmokeTest {

  static {
    Progress.setQuiet(true);
  }

  @Test
  void everyShapeFitsAndPlans() {
    ModelInputs base = ModelInputs.prepare(SyntheticMmm.generate(70, 2, 4).data(), ModelSpec.defaults());
    List<LiftTest> tests = List.of(new LiftTest("channel_1", base.dates()[30], base.dates()[35], 2000, 900, 300));
    for (AdstockKind adstock : AdstockKind.values()) {
      for (SaturationKind saturation : SaturationKind.values()) {
        ModelInputs inputs = ModelInputs.prepare(SyntheticMmm.generate(70, 2, 4).data(), ModelSpec.defaults().with(adstock, saturation));
        List<PreparedLiftTest> lifts = PreparedLiftTest.prepare(tests, inputs);
        ModelResult ridge = RidgeMmm.fit(inputs, lifts, new RidgeSettings(150, 1, 1, 1, 0.005, 20, 3, 6)).result();
        ModelResult bayes = BayesianMmm.fit(inputs, lifts, new BayesianSettings(2, 100, 60, 1, 2, 8, 0.9, 60)).result();
        for (ModelResult result : List.of(ridge, bayes)) {
          String label = adstock + "/" + saturation + "/" + result.model();
          assertTrue(result.metric("mape_lift") >= 0, label);
          for (ChannelSummary summary : result.channelSummaries()) {
            assertTrue(Double.isFinite(summary.contribution()) && summary.contribution() >= 0, label);
            assertTrue(summary.roasLow() <= summary.roasHigh(), label);
          }
          BudgetPlanner planner = new BudgetPlanner(result.response(), PlanSettings.defaults());
          var rows = planner.optimise("100%", planner.currentBudget());
          assertEquals(planner.currentBudget(), rows.get(2).optimalSpend(), 1e-6 * planner.currentBudget(), label);
          assertTrue(rows.get(2).expectedRevenue() >= planner.currentPlan().get(2).expectedRevenue() - 1e-6, label);
        }
      }
    }
  }
}
