package io.triangulate.attribution.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.triangulate.attribution.PathSet;
import io.triangulate.attribution.bench.SyntheticPaths;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sparse iterative solver agrees with dense LU, with and without removed channels. */
class VisitSolverTest {

  @Test
  void gaussSeidelMatchesDenseLu() {
    PathSet paths = SyntheticPaths.generate(400, 5, 7L);
    MarkovChain chain = MarkovChain.fit(paths, 3);
    assertEquals(true, chain.stateCount() > 50, "a chain with some size: " + chain.stateCount());
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 6; trial++) {
      boolean[] blocked = new boolean[chain.stateCount()];
      int removed = trial == 0 ? -1 : random.nextInt(paths.channelCount());
      for (int s = 1; s < blocked.length; s++) {
        blocked[s] = removed >= 0 && chain.touches(s, removed);
      }
      double[] dense = new DenseLuVisitSolver().visits(chain, blocked);
      double[] sparse = new GaussSeidelVisitSolver().visits(chain, blocked);
      for (int s = 0; s < dense.length; s++) {
        assertEquals(dense[s], sparse[s], 1e-12 * Math.max(1, dense[s]), "state " + chain.stateName(s));
      }
    }
  }

  @Test
  void largeChainsUseTheSparseSolverAndGiveTheSameCredits() {
    PathSet paths = SyntheticPaths.generate(3000, 8, 11L);
    MarkovChain chain = MarkovChain.fit(paths, 3);
    assertEquals(true, chain.stateCount() > VisitSolver.DENSE_LIMIT);
    MarkovAttribution sparse = MarkovModel.attribute(paths, chain, new GaussSeidelVisitSolver());
    MarkovAttribution dense = MarkovModel.attribute(paths, chain, new DenseLuVisitSolver());
    for (int c = 0; c < paths.channelCount(); c++) {
      assertEquals(dense.removalEffects().get(c).conversions(), sparse.removalEffects().get(c).conversions(), 1e-12);
      assertEquals(dense.removalEffects().get(c).value(), sparse.removalEffects().get(c).value(), 1e-12);
    }
    assertEquals(paths.totalConversions() / (paths.totalConversions() + paths.totalNulls()),
        sparse.conversionProbability(), 1e-13);
  }
}
