package io.triangulate.mmm.ridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NonNegativeRidgeTest {

  @Test
  void activeSetSolvesTheConstrainedQuadraticExactly() {
    double[][] q2 = {{2, 1}, {1, 2}};
    double[] q1 = {1, -1};
    // Unconstrained optimum Q⁻¹q = (1, −1).
    assertArrayEquals(new double[] {1, -1}, NonNegativeQuadratic.solve(q2, q1, new boolean[] {false, false}), 1e-12);
    assertArrayEquals(new double[] {1, -1}, NonNegativeQuadratic.solve(q2, q1, new boolean[] {true, false}), 1e-12);
    // With b₂ ≥ 0 the bound is active: b₂ = 0, b₁ = q₁/Q₁₁ = 0.5, and ∂/∂b₂ = q₂ − Q₂₁b₁ = −1.5 ≤ 0 (KKT holds).
    assertArrayEquals(new double[] {0.5, 0}, NonNegativeQuadratic.solve(q2, q1, new boolean[] {true, true}), 1e-12);
  }

  @Test
  void withoutPenaltyItIsOrdinaryLeastSquares() {
    double[] x1 = {1, 2, 3, 4, 5, 6};
    double[] x2 = {2, 1, 4, 3, 6, 5};
    double[] y = new double[6];
    for (int t = 0; t < 6; t++) {
      y[t] = 2 + 3 * x1[t] - x2[t];
    }
    RidgeRegression.Solution fit = RidgeRegression.fit(new double[][] {x1, x2}, y, 0, 6, 0, new boolean[] {true, false});
    assertEquals(2, fit.intercept(), 1e-10);
    assertArrayEquals(new double[] {3, -1}, fit.coefficients(), 1e-10);
  }

  @Test
  void penaltyShrinksStandardisedCoefficientsByOnePlusLambda() {
    // One column perfectly correlated with y = 2x: standardised slope 1/(1 + λ), so with λ = 1 the
    // slope is 2/2 = 1 and the intercept ȳ − 1·x̄ = 5 − 2.5 = 2.5.
    double[] x = {1, 2, 3, 4};
    double[] y = {2, 4, 6, 8};
    RidgeRegression.Solution fit = RidgeRegression.fit(new double[][] {x}, y, 0, 4, 1.0, new boolean[] {true});
    assertEquals(1, fit.coefficients()[0], 1e-12);
    assertEquals(2.5, fit.intercept(), 1e-12);
  }

  @Test
  void mediaThatSeemsToHurtSalesGetsZeroNotANegativeEffect() {
    double[] media = {1, 2, 3, 4, 5};
    double[] control = {1, 0, 1, 0, 1};
    double[] y = {10, 8, 7, 5, 4};
    RidgeRegression.Solution fit = RidgeRegression.fit(new double[][] {media, control}, y, 0, 5, 1e-6, new boolean[] {true, false});
    assertEquals(0, fit.coefficients()[0], 0);
  }

  @Test
  void fitsOnlyTheRequestedRows() {
    double[] x = {1, 2, 3, 4, 100};
    double[] y = {3, 5, 7, 9, -50};
    RidgeRegression.Solution fit = RidgeRegression.fit(new double[][] {x}, y, 0, 4, 0, new boolean[] {false});
    assertEquals(2, fit.coefficients()[0], 1e-12);
    assertEquals(1, fit.intercept(), 1e-12);
  }
}
