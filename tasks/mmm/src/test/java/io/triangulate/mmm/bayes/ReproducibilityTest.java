package io.triangulate.mmm.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.triangulate.core.cli.Progress;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import io.triangulate.mmm.transform.AdstockKind;
import io.triangulate.mmm.transform.SaturationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {

  static {
    Progress.setQuiet(true);
  }

  @Test
  void sameSeedSameDrawsWhateverTheThreadCount() {
    ModelInputs inputs = ModelInputs.prepare(SyntheticMmm.generate(60, 2, 1).data(), ModelSpec.defaults());
    MmmPosterior posterior = new MmmPosterior(inputs, Priors.defaults(AdstockKind.GEOMETRIC, SaturationKind.LOGISTIC), List.of());
    double[][][] one = BayesianMmm.sample(posterior, new BayesianSettings(2, 60, 40, 9, 1, 8, 0.9, 40)).constrained();
    double[][][] two = BayesianMmm.sample(posterior, new BayesianSettings(2, 60, 40, 9, 2, 8, 0.9, 40)).constrained();
    double[][][] other = BayesianMmm.sample(posterior, new BayesianSettings(2, 60, 40, 10, 2, 8, 0.9, 40)).constrained();
    for (int chain = 0; chain < 2; chain++) {
      for (int i = 0; i < 40; i++) {
        assertArrayEquals(one[chain][i], two[chain][i], 0);
      }
    }
    assertFalse(java.util.Arrays.equals(one[0][39], other[0][39]));
  }
}
