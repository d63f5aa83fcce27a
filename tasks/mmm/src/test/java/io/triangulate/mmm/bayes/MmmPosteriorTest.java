package io.triangulate.mmm.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.mmm.model.LiftTest;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.model.PreparedLiftTest;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MmmPosteriorTest {

  @Test
  void analyticGradientMatchesFiniteDifferencesForEveryTransformAndWithLiftTests() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(60, 2, 3);
    for (AdstockKind adstock : AdstockKind.values()) {
      for (SaturationKind saturation : SaturationKind.values()) {
        ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults().with(adstock, saturation));
        LiftTest lift = new LiftTest("channel_2", inputs.dates()[20], inputs.dates()[27], -3000, -4000, 800);
        List<PreparedLiftTest> lifts = PreparedLiftTest.prepare(List.of(lift), inputs);
        MmmPosterior posterior = new MmmPosterior(inputs, Priors.defaults(adstock, saturation), lifts);
        double[] u = posterior.initialPoint();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < u.length; i++) {
          u[i] += random.nextDouble(-0.3, 0.3);
        }
        double[] gradient = new double[u.length];
        posterior.evaluate(u, gradient);
        for (int i = 0; i < u.length; i++) {
          double h = 1e-6;
          double[] up = u.clone();
          double[] down = u.clone();
          up[i] += h;
          down[i] -= h;
          double numeric = (posterior.evaluate(up, new double[u.length]) - posterior.evaluate(down, new double[u.length])) / (2 * h);
          assertEquals(numeric, gradient[i], 1e-4 * Math.max(1, Math.abs(numeric)),
              adstock + "/" + saturation + " " + posterior.names().get(i));
        }
      }
    }
  }

  @Test
  void channelCoordinateIsTheMeanContributionAndRoundTrips() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(60, 2, 3);
    ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults());
    MmmPosterior posterior = new MmmPosterior(inputs, Priors.signed(AdstockKind.GEOMETRIC, SaturationKind.LOGISTIC), List.of());
    double[] u = posterior.initialPoint();
    u[7] = 0.37; // θ of channel_1 (identity link under the signed Normal prior)
    double[] constrained = posterior.constrain(u);
    // Mean of channel_1's modelled contribution β·f over the periods must equal θ exactly.
    double[] contribution = posterior.components(constrained)[1];
    double mean = 0;
    for (double v : contribution) {
      mean += v / contribution.length;
    }
    assertEquals(0.37, mean, 1e-12);
    double[] back = posterior.unconstrain(constrained);
    for (int i = 0; i < u.length; i++) {
      assertEquals(u[i], back[i], 1e-9, posterior.names().get(i));
    }
  }

  @Test
  void parameterNamesFollowTheLayout() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(60, 2, 3);
    ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults());
    MmmPosterior posterior = new MmmPosterior(inputs, Priors.defaults(AdstockKind.GEOMETRIC, SaturationKind.LOGISTIC), List.of());
    assertEquals(List.of("intercept", "trend", "sin_1", "cos_1", "sin_2", "cos_2", "promo",
        "channel_1.beta", "channel_1.adstock.decay", "channel_1.saturation.lambda",
        "channel_2.beta", "channel_2.adstock.decay", "channel_2.saturation.lambda", "sigma"), posterior.names());
    assertTrue(posterior.prior(8) instanceof Prior.Beta);
    assertTrue(posterior.prior(13) instanceof Prior.HalfNormal);
  }
}
