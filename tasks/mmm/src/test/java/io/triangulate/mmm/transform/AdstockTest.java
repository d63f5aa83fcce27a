package io.triangulate.mmm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdstockTest {

  private static final double EXACT = 1e-12;

  @Test
  void geometricWeightsAreNormalisedPowersOfTheDecay() {
    // u = 1, 0.5, 0.25; Σu = 1.75 → 4/7, 2/7, 1/7.
    Adstock adstock = new GeometricAdstock(0.5, 2);
    assertArrayEquals(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, adstock.weights(), EXACT);
  }

  @Test
  void geometricCarriesSpendForwardWithZeroHistory() {
    double[] adstocked = new GeometricAdstock(0.5, 2).apply(new double[] {1, 0, 0, 2});
    // The spend of period 0 is spread 4/7, 2/7, 1/7; the spend of 2 in period 3 starts afresh.
    assertArrayEquals(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7, 8.0 / 7}, adstocked, EXACT);
  }

  @Test
  void normalisedAdstockOfConstantSpendSettlesAtThatSpend() {
    double[] adstocked = new GeometricAdstock(0.7, 3).apply(new double[] {5, 5, 5, 5, 5, 5});
    assertEquals(5 * (1 + 0.7) / (1 + 0.7 + 0.49 + 0.343), adstocked[1], EXACT);
    assertEquals(5, adstocked[3], EXACT);
    assertEquals(5, adstocked[5], EXACT);
  }

  @Test
  void geometricWeightGradientIsExact() {
    // du = 0, 1, 2θ = 0, 1, 1; Σdu = 2; dw_l = (du_l − w_l·2)/1.75 → −32/49, 12/49, 20/49.
    double[][] gradient = new GeometricAdstock(0.5, 2).weightGradients();
    assertArrayEquals(new double[] {-32.0 / 49, 12.0 / 49, 20.0 / 49}, gradient[0], EXACT);
  }

  @Test
  void zeroDecayMeansNoCarryover() {
    assertArrayEquals(new double[] {1, 0, 0}, new GeometricAdstock(0, 2).weights(), EXACT);
  }

  @Test
  void weibullSurvivalWeights() {
    // k = 2, λ = 2: S(0) = 1, S(1) = e^{-1/4}, S(2) = e^{-1}.
    double[] u = {1, Math.exp(-0.25), Math.exp(-1)};
    double total = u[0] + u[1] + u[2];
    double[] weights = new WeibullAdstock(WeibullAdstock.Form.SURVIVAL, 2, 2, 2).weights();
    assertArrayEquals(new double[] {u[0] / total, u[1] / total, u[2] / total}, weights, EXACT);
    assertArrayEquals(new double[] {0.465835, 0.362793, 0.171372}, weights, 1e-6);
  }

  @Test
  void weibullSurvivalWithShapeOneIsGeometric() {
    double[] weibull = new WeibullAdstock(WeibullAdstock.Form.SURVIVAL, 1, 2, 5).weights();
    double[] geometric = new GeometricAdstock(Math.exp(-0.5), 5).weights();
    assertArrayEquals(geometric, weibull, EXACT);
  }

  @Test
  void weibullMassWeightsPeakAfterTheSpendPeriod() {
    // k = 2, λ = 2: masses S(l) − S(l+1) with S(3) = e^{-9/4}; Σ = 1 − S(3).
    double s1 = Math.exp(-0.25);
    double s2 = Math.exp(-1);
    double s3 = Math.exp(-2.25);
    double total = 1 - s3;
    double[] weights = new WeibullAdstock(WeibullAdstock.Form.MASS, 2, 2, 2).weights();
    assertArrayEquals(new double[] {(1 - s1) / total, (s1 - s2) / total, (s2 - s3) / total}, weights, EXACT);
    assertArrayEquals(new double[] {0.247260, 0.459335, 0.293405}, weights, 1e-6);
    // Delayed peak: lag 1 outweighs lag 0.
    assertEquals(1, argMax(weights));
  }

  @Test
  void weibullGradientsMatchFiniteDifferences() {
    for (WeibullAdstock.Form form : WeibullAdstock.Form.values()) {
      double shape = 1.7;
      double scale = 2.3;
      double[][] analytic = new WeibullAdstock(form, shape, scale, 6).weightGradients();
      double h = 1e-6;
      double[] upShape = new WeibullAdstock(form, shape + h, scale, 6).weights();
      double[] downShape = new WeibullAdstock(form, shape - h, scale, 6).weights();
      double[] upScale = new WeibullAdstock(form, shape, scale + h, 6).weights();
      double[] downScale = new WeibullAdstock(form, shape, scale - h, 6).weights();
      for (int l = 0; l <= 6; l++) {
        assertEquals((upShape[l] - downShape[l]) / (2 * h), analytic[0][l], 1e-8, form + " shape lag " + l);
        assertEquals((upScale[l] - downScale[l]) / (2 * h), analytic[1][l], 1e-8, form + " scale lag " + l);
      }
    }
  }

  @Test
  void kindsParseFromTheCommandLineSpelling() {
    assertEquals(AdstockKind.WEIBULL_PDF, AdstockKind.parse("Weibull_PDF"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AdstockKind.parse("carry"));
    assertEquals("unknown adstock 'carry'; allowed: geometric, weibull_cdf, weibull_pdf", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GeometricAdstock(1.0, 3));
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
