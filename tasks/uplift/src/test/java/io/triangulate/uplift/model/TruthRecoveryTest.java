package io.triangulate.uplift.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.uplift.metrics.TruthScore;
import io.triangulate.uplift.synthetic.SyntheticUplift;
import org.junit.jupiter.api.Test;

/**
 * Recovery of a known heterogeneous effect (SyntheticUplift: τ depends on x1 and x2 of five
 * features, −0.08..+0.22, mean 0.07). Train on 20,000 seeded members, score on 10,000 fresh ones
 * against their true τ.
 *
 * <p>Random targeting of 30% captures 0.3·n·E[τ] = 210 true extra conversions here; the oracle's
 * top 30% capture 484 (+130%). The bar is +30%, which a model that has learnt nothing
 * (gain 0 in expectation; SD(τ) ≈ 0.076, so the captured sum of 3,000 random members has SD ≈ 4.2
 * conversions, 2% of 210) cannot pass by luck. Measured (seed 7): S/GBT r 0.92 +123%, T/GBT r 0.81 +109%,
 * X/GBT r 0.89 +117%, DR/GBT r 0.81 +109%, T/logistic r 0.93 +122%. r &gt; 0.7 is asserted: a model
 * ranking by the baseline (x3, x4) instead of the effect would have r ≈ 0.
 */
class TruthRecoveryTest {

  private static final SyntheticUplift.Population TRAIN = SyntheticUplift.generate(20_000, 11);
  private static final SyntheticUplift.Population TEST = SyntheticUplift.generate(10_000, 12);

  private static TruthScore.Result score(Learner learner, BaseModel base) {
    UpliftModel model = UpliftLearners.fit(learner, TRAIN.x(), TRAIN.t(), TRAIN.y(), base, 7);
    TruthScore.Result r = TruthScore.of(model.predict(TEST.x()), TEST.trueUplift(), 0.3);
    System.out.printf("%s/%s: r = %.3f, top-30%% captured %.1f vs random %.1f (oracle %.1f): gain %+.1f%%%n",
        learner, base.family(), r.correlation(), r.captured(), r.random(), r.oracle(), 100 * r.gainOverRandom());
    return r;
  }

  @Test
  void everyLearnerRecoversTheEffectAndBeatsRandomTargeting() {
    for (Learner learner : Learner.values()) {
      TruthScore.Result r = score(learner, BaseModel.gbt());
      assertTrue(r.correlation() > 0.7, learner + ": r = " + r.correlation());
      assertTrue(r.gainOverRandom() >= 0.30, learner + ": gain " + r.gainOverRandom());
    }
  }

  @Test
  void logisticTLearnerRecoversTheLinearPartOfTheEffect() {
    TruthScore.Result r = score(Learner.T, BaseModel.logistic());
    assertTrue(r.correlation() > 0.85, "r = " + r.correlation());
    assertTrue(r.gainOverRandom() >= 0.30, "gain " + r.gainOverRandom());
  }

  @Test
  void sameSeedSamePredictions() {
    for (Learner learner : new Learner[] {Learner.T, Learner.DR}) {
      double[] a = UpliftLearners.fit(learner, TRAIN.x(), TRAIN.t(), TRAIN.y(), BaseModel.gbt().withTrees(20), 5)
          .predict(TEST.x());
      double[] b = UpliftLearners.fit(learner, TRAIN.x(), TRAIN.t(), TRAIN.y(), BaseModel.gbt().withTrees(20), 5)
          .predict(TEST.x());
      assertArrayEquals(a, b, 0.0, learner + " is not reproducible");
    }
  }
}
