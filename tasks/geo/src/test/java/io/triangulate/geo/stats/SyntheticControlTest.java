package io.triangulate.geo.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class SyntheticControlTest {

  private static double[][] randomDonors(int donors, int periods, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[donors][periods];
    for (int j = 0; j < donors; j++) {
      for (int t = 0; t < periods; t++) {
        x[j][t] = 100 + 10 * j + 5 * random.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void recoversExactConvexCombination() {
    // Treated = 0.5·d1 + 0.3·d2 + 0.2·d3 exactly: zero pre-period error is attainable only there
    // (the donors are linearly independent), with and without fixed effects.
    double[][] donors = randomDonors(6, 40, 11);
    double[] target = new double[40];
    for (int t = 0; t < 40; t++) {
      target[t] = 0.5 * donors[0][t] + 0.3 * donors[1][t] + 0.2 * donors[2][t];
    }
    for (boolean fixedEffects : new boolean[] {false, true}) {
      SyntheticControl.Fit fit = new SyntheticControl(donors, GeoMethod.SC, fixedEffects, 1).fit(target);
      assertArrayEquals(new double[] {0.5, 0.3, 0.2, 0, 0, 0}, fit.weights(), 1e-9);
    }
  }

  @Test
  void fixedEffectsAbsorbALevelShift() {
    // Treated = 0.7·d4 + 0.3·d5 + 250: outside the donors' hull in level, matched in shape.
    double[][] donors = randomDonors(6, 40, 12);
    double[] target = new double[40];
    for (int t = 0; t < 40; t++) {
      target[t] = 0.7 * donors[3][t] + 0.3 * donors[4][t] + 250;
    }
    SyntheticControl.Fit fit = new SyntheticControl(donors, GeoMethod.SC, true, 1).fit(target);
    assertArrayEquals(new double[] {0, 0, 0, 0.7, 0.3, 0}, fit.weights(), 1e-9);
    double[] column = new double[6];
    for (int j = 0; j < 6; j++) {
      column[j] = donors[j][5];
    }
    assertEquals(target[5], fit.predict(column), 1e-9);
  }

  /**
   * The AUGSC prediction equals the paper's formula computed directly in its primal form
   * (Ben-Michael, Feller and Rothstein 2021, ridge ASCM): Σ w_sc·Y_T + (X₁ − X₀'w_sc)'η̂ with
   * η̂ = (X̃'X̃ + λI)⁻¹X̃'(Y_T − Ȳ_T), the ridge of the donors' outcome at T on their pre-period.
   */
  @Test
  void augmentedPredictionMatchesPrimalRidgeFormula() {
    int donors = 8;
    int pre = 12;
    double[][] all = randomDonors(donors, pre + 1, 13);
    double[][] x = new double[donors][];
    double[] yT = new double[donors];
    for (int j = 0; j < donors; j++) {
      x[j] = Arrays.copyOf(all[j], pre);
      yT[j] = all[j][pre];
    }
    SplittableRandom random = new SplittableRandom(5);
    double[] target = new double[pre];
    for (int t = 0; t < pre; t++) {
      target[t] = 140 + 8 * random.nextGaussian(); // partly outside the hull: the SC gap is not zero
    }
    double lambda = 37.5;
    SyntheticControl model = new SyntheticControl(x, GeoMethod.AUGSC, false, lambda);
    SyntheticControl.Fit fit = model.fit(target);
    double[] sc = fit.scWeights();

    double[][] tilde = new double[donors][pre];
    for (int t = 0; t < pre; t++) {
      double m = 0;
      for (int j = 0; j < donors; j++) {
        m += x[j][t];
      }
      for (int j = 0; j < donors; j++) {
        tilde[j][t] = x[j][t] - m / donors;
      }
    }
    double yMean = Arrays.stream(yT).average().orElseThrow();
    RealMatrix xt = new Array2DRowRealMatrix(tilde);
    RealMatrix normal = xt.transpose().multiply(xt).add(MatrixUtils.createRealIdentityMatrix(pre).scalarMultiply(lambda));
    RealVector centredY = new ArrayRealVector(yT).mapSubtract(yMean);
    RealVector eta = new LUDecomposition(normal).getSolver().solve(xt.transpose().operate(centredY));
    double scPart = 0;
    double[] gap = target.clone();
    for (int j = 0; j < donors; j++) {
      scPart += sc[j] * yT[j];
      for (int t = 0; t < pre; t++) {
        gap[t] -= sc[j] * x[j][t];
      }
    }
    double expected = scPart + new ArrayRealVector(gap).dotProduct(eta);
    assertEquals(expected, fit.predict(yT), 1e-8);
    assertEquals(1.0, Arrays.stream(fit.weights()).sum(), 1e-12, "augmented weights still sum to one");
  }

  @Test
  void hugePenaltyGivesBackSyntheticControl() {
    double[][] donors = randomDonors(6, 30, 14);
    double[] target = randomDonors(1, 30, 15)[0];
    SyntheticControl.Fit sc = new SyntheticControl(donors, GeoMethod.SC, true, 1).fit(target);
    SyntheticControl.Fit aug = new SyntheticControl(donors, GeoMethod.AUGSC, true, 1e12).fit(target);
    assertArrayEquals(sc.weights(), aug.weights(), 1e-8);
  }
}
