package io.triangulate.mmm.ridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchMachineryTest {

  private static Candidate c(double nrmse, double rssd) {
    return new Candidate(new double[] {nrmse, rssd}, nrmse, rssd, 0);
  }

  @Test
  void paretoFrontKeepsOnlyNonDominatedCandidates() {
    Candidate a = c(0.10, 0.30);
    Candidate b = c(0.11, 0.20);
    Candidate dominated = c(0.12, 0.25);
    Candidate d = c(0.20, 0.05);
    Candidate duplicate = c(0.10, 0.30);
    List<Candidate> front = ParetoFront.of(List.of(dominated, d, a, b, duplicate), 2);
    assertEquals(List.of(a, b, d), front);
    assertTrue(b.dominates(dominated, 2));
    assertFalse(a.dominates(b, 2));
  }

  @Test
  void selectionPrefersFitThenPlausibility() {
    Candidate best = c(0.100, 0.30);
    Candidate close = c(0.1004, 0.20);
    Candidate farther = c(0.1010, 0.10);
    List<Candidate> front = List.of(best, close, farther);
    // Within 0.5% of the best NRMSE (≤ 0.1005): best and close; close has the lower DECOMP.RSSD.
    assertEquals(close, ParetoFront.select(front, 2, 0.005));
    assertEquals(best, ParetoFront.select(front, 2, 0));
    assertEquals(farther, ParetoFront.select(front, 2, 0.02));
  }

  @Test
  void rollingOriginLayoutShrinksTheHorizonWhenDataAreShort() {
    assertArrayEquals(new int[] {4, 13, 127}, RollingOriginValidation.layout(179, 4, 13, 26));
    assertArrayEquals(new int[] {4, 8, 28}, RollingOriginValidation.layout(60, 4, 13, 28));
  }

  @Test
  void bootstrapBlocksFollowTheCubeRootRule() {
    assertEquals(6, ResidualBlockBootstrap.blockLength(179));
    assertEquals(5, ResidualBlockBootstrap.blockLength(156));
    assertEquals(2, ResidualBlockBootstrap.blockLength(4));
  }

  @Test
  void searchIsReproducibleForASeedAndDiffersAcrossSeeds() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(80, 2, 5);
    ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults());
    RidgeEvaluator evaluator = new RidgeEvaluator(inputs, new HyperparameterSpace(inputs.spec(), 2), List.of());
    List<Candidate> first = EvolutionarySearch.run(evaluator, 120, 2, 9, 2, done -> {}).all();
    List<Candidate> again = EvolutionarySearch.run(evaluator, 120, 2, 9, 1, done -> {}).all();
    List<Candidate> other = EvolutionarySearch.run(evaluator, 120, 2, 10, 2, done -> {}).all();
    assertEquals(240, first.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).unit(), again.get(i).unit(), 0);
      assertEquals(first.get(i).nrmse(), again.get(i).nrmse(), 0);
    }
    assertNotEquals(first.get(0).nrmse(), other.get(0).nrmse());
  }

  @Test
  void evolutionImprovesOnTheQuasiRandomStart() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(104, 3, 11);
    ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults());
    RidgeEvaluator evaluator = new RidgeEvaluator(inputs, new HyperparameterSpace(inputs.spec(), 3), List.of());
    List<Candidate> all = EvolutionarySearch.runTrial(evaluator, 1500, 3, () -> {});
    double bestStart = all.subList(0, 35).stream().mapToDouble(Candidate::nrmse).min().orElseThrow();
    double bestEnd = all.stream().mapToDouble(Candidate::nrmse).min().orElseThrow();
    assertTrue(bestEnd < 0.95 * bestStart, "start " + bestStart + ", end " + bestEnd);
  }
}
