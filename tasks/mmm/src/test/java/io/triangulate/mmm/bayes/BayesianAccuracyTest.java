package io.triangulate.mmm.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.Progress;
import io.triangulate.mmm.PymcExampleTruth;
import io.triangulate.mmm.ReferenceData;
import io.triangulate.mmm.model.ChannelSummary;
import io.triangulate.mmm.model.LiftTest;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.model.ParameterEstimate;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import java.util.List;
import org.junit.jupiter.api.Test;

class BayesianAccuracyTest {

  static {
    Progress.setQuiet(true);
  }

  /**
   * PyMC-Marketing's example with the default sampler (4 chains × 1,000 draws). Tolerances are
   * about two posterior standard deviations of this fit (decay sd ≈ 0.03, x1 λ sd ≈ 0.35, x2 λ sd
   * ≈ 1.2, contribution sd ≈ 6%); beyond the point estimates, the 90% intervals must contain the
   * truth, which is what a calibrated posterior promises.
   */
  @Test
  void recoversThePymcMarketingExampleWithConvergedChains() {
    ModelInputs inputs = ModelInputs.prepare(ReferenceData.pymcExample(), ModelSpec.defaults());
    ModelResult result = BayesianMmm.fit(inputs, List.of(), BayesianSettings.defaults(7)).result();
    // Seen with seed 7: decay 0.397 / 0.193, λ 4.09 / 3.16, β 3003 / 2223, σ 249,
    // contributions 278.5k / 68.3k (truth 275.5k / 66.1k); R-hat ≤ 1.002, ESS ≥ 669.
    assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    assertTrue(result.metric("rhat_max") <= 1.01);
    assertEquals(PymcExampleTruth.DECAY_X1, result.parameter("x1.adstock.decay").estimate(), 0.06);
    assertEquals(PymcExampleTruth.DECAY_X2, result.parameter("x2.adstock.decay").estimate(), 0.07);
    assertEquals(PymcExampleTruth.LAMBDA_X1, result.parameter("x1.saturation.lambda").estimate(), 0.7);
    assertEquals(PymcExampleTruth.LAMBDA_X2, result.parameter("x2.saturation.lambda").estimate(), 2.0);
    assertEquals(PymcExampleTruth.NOISE_SD, result.parameter("sigma").estimate(), 25);
    for (String name : List.of("x1.adstock.decay", "x2.adstock.decay", "x1.saturation.lambda", "x2.saturation.lambda", "x1.beta", "x2.beta")) {
      ParameterEstimate p = result.parameter(name);
      double truth = switch (name) {
        case "x1.adstock.decay" -> PymcExampleTruth.DECAY_X1;
        case "x2.adstock.decay" -> PymcExampleTruth.DECAY_X2;
        case "x1.saturation.lambda" -> PymcExampleTruth.LAMBDA_X1;
        case "x2.saturation.lambda" -> PymcExampleTruth.LAMBDA_X2;
        case "x1.beta" -> PymcExampleTruth.BETA_X1;
        default -> PymcExampleTruth.BETA_X2;
      };
      assertTrue(p.low() <= truth && truth <= p.high(), name + " 90% interval [" + p.low() + ", " + p.high() + "] misses " + truth);
    }
    ChannelSummary x1 = result.channel("x1");
    ChannelSummary x2 = result.channel("x2");
    assertEquals(PymcExampleTruth.CONTRIBUTION_X1, x1.contribution(), 0.12 * PymcExampleTruth.CONTRIBUTION_X1);
    assertEquals(PymcExampleTruth.CONTRIBUTION_X2, x2.contribution(), 0.12 * PymcExampleTruth.CONTRIBUTION_X2);
    assertTrue(x1.roasLow() <= PymcExampleTruth.roasX1() && PymcExampleTruth.roasX1() <= x1.roasHigh());
    assertTrue(x2.roasLow() <= PymcExampleTruth.roasX2() && PymcExampleTruth.roasX2() <= x2.roasHigh());
    // Posterior predictive: about 90% of weeks inside the 90% predictive interval.
    assertEquals(0.9, result.metric("ppc_coverage_90"), 0.05);
  }

  /**
   * A lift test enters the likelihood: with a tight standard error the fitted channel must
   * reproduce the measured lift, even when the experiment disagrees with the observational data.
   */
  @Test
  void liftTestsPullTheChannelTowardsTheExperiment() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(104, 2, 8);
    ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults());
    BayesianSettings quick = new BayesianSettings(2, 400, 400, 5, 2, 10, 0.9, 400);
    LiftTest probe = new LiftTest("channel_1", inputs.dates()[60], inputs.dates()[67], -8000, -1, 1);
    List<PreparedLiftTest> probeOnly = PreparedLiftTest.prepare(List.of(probe), inputs);

    ModelResult free = BayesianMmm.fit(inputs, List.of(), quick).result();
    double uncalibrated = impliedLift(free, probeOnly.get(0), inputs);
    // An experiment that measured 1.5 times what the uncalibrated model implies, with a 2% standard error.
    double measured = 1.5 * uncalibrated;
    LiftTest lift = new LiftTest("channel_1", probe.start(), probe.end(), probe.spendChange(), measured, Math.abs(0.02 * measured));
    List<PreparedLiftTest> lifts = PreparedLiftTest.prepare(List.of(lift), inputs);
    ModelResult calibrated = BayesianMmm.fit(inputs, lifts, quick).result();
    double implied = impliedLift(calibrated, lifts.get(0), inputs);
    assertEquals(measured, implied, 0.06 * Math.abs(measured));
    assertTrue(calibrated.metric("mape_lift") < 0.06);
  }

  private static double impliedLift(ModelResult result, PreparedLiftTest test, ModelInputs inputs) {
    double sum = 0;
    var model = result.response();
    for (var draw : model.draws()) {
      sum += draw.channel(test.channel()).beta()
          * test.responseChange(model.transform(draw, test.channel()), inputs.scaledSpend()[test.channel()]);
    }
    return sum / model.draws().size();
  }
}
