package io.triangulate.geo.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimplexLeastSquaresTest {

  private static double[] solve(double[][] donors, double[] y) {
    SimplexLeastSquares qp = new SimplexLeastSquares(SimplexLeastSquares.gram(donors));
    return qp.solve(SimplexLeastSquares.crossProduct(donors, y));
  }

  @Test
  void interiorOptimumByHand() {
    // Donors e1 = (1, 0), e2 = (0, 1), target (0.8, 0.6): minimise (0.8 − w)² + (0.6 − (1 − w))²,
    // derivative −2(0.8 − w) + 2(w − 0.4) = 0 → w = 0.6, so weights (0.6, 0.4).
    double[] w = solve(new double[][] {{1, 0}, {0, 1}}, new double[] {0.8, 0.6});
    assertArrayEquals(new double[] {0.6, 0.4}, w, 1e-12);
  }

  @Test
  void boundaryOptimumByHand() {
    // Target (2, 0): the unconstrained minimiser of (2 − w)² + (1 − w)² is w = 1.5 > 1, so the
    // simplex optimum is the vertex (1, 0).
    double[] w = solve(new double[][] {{1, 0}, {0, 1}}, new double[] {2, 0});
    assertArrayEquals(new double[] {1, 0}, w, 1e-12);
  }

  @Test
  void projectionOntoSimplexByHand() {
    // (0.6, 0.2): θ = (0.8 − 1)/2 = −0.1, so (0.7, 0.3); (0.5, 0.5, 0.5): θ = 0.5/3 → thirds;
    // (2, 0, −1): only the first coordinate survives, θ = 1 → (1, 0, 0).
    assertArrayEquals(new double[] {0.7, 0.3}, SimplexLeastSquares.projectOntoSimplex(new double[] {0.6, 0.2}), 1e-15);
    assertArrayEquals(
        new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, SimplexLeastSquares.projectOntoSimplex(new double[] {0.5, 0.5, 0.5}), 1e-15);
    assertArrayEquals(new double[] {1, 0, 0}, SimplexLeastSquares.projectOntoSimplex(new double[] {2, 0, -1}), 1e-15);
  }

  /**
   * Brute force: the simplex optimum is the equality-constrained least-squares solution on its own
   * support, so enumerating all 2^J − 1 supports and keeping the best feasible one is exact.
   */
  @Test
  void matchesExhaustiveSearchOverSupports() {
    SplittableRandom random = new SplittableRandom(7);
    int donors = 5;
    int periods = 8;
    for (int trial = 0; trial < 200; trial++) {
      double[][] x = new double[donors][periods];
      double[] y = new double[periods];
      for (int j = 0; j < donors; j++) {
        for (int t = 0; t < periods; t++) {
          x[j][t] = random.nextGaussian();
        }
      }
      // Half the targets inside the convex hull plus noise, half far outside it.
      double shift = trial % 2 == 0 ? 0 : 3;
      for (int t = 0; t < periods; t++) {
        y[t] = 0.4 * x[0][t] + 0.6 * x[1][t] + 0.3 * random.nextGaussian() + shift * (t % 3 - 1);
      }
      double[][] g = SimplexLeastSquares.gram(x);
      double[] b = SimplexLeastSquares.crossProduct(x, y);
      SimplexLeastSquares qp = new SimplexLeastSquares(g);
      double[] w = qp.solve(b);

      double best = Double.POSITIVE_INFINITY;
      double[] bestW = null;
      for (int mask = 1; mask < (1 << donors); mask++) {
        int[] support = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int j = 0; j < donors; j++) {
          if ((mask & (1 << j)) != 0) {
            support[k++] = j;
          }
        }
        double[] candidate = qp.equalityConstrained(support, b);
        if (candidate == null) {
          continue;
        }
        boolean feasible = true;
        for (double v : candidate) {
          feasible &= v >= -1e-12;
        }
        if (feasible && qp.objective(candidate, b) < best) {
          best = qp.objective(candidate, b);
          bestW = candidate;
        }
      }
      double sum = 0;
      for (double v : w) {
        assertTrue(v >= 0, "weights are non-negative");
        sum += v;
      }
      assertEquals(1.0, sum, 1e-12);
      assertEquals(best, qp.objective(w, b), 1e-9 * (1 + Math.abs(best)), "trial " + trial);
      assertArrayEquals(bestW, w, 1e-7, "trial " + trial);
    }
  }
}
