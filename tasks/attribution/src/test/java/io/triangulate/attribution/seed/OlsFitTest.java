package io.triangulate.attribution.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class OlsFitTest {

  @Test
  void simpleRegressionByHand() {
    // x = 1..5, y = 2,4,5,4,5: Sxx = 10, Sxy = 6, slope 0.6, intercept 4 - 0.6*3 = 2.2,
    // SST = 6, SSE = 2.4, R² = 0.6, adj R² = 1 - 0.4*4/3, sigma² = 2.4/3 = 0.8,
    // se(slope) = sqrt(0.8/10), se(intercept) = sqrt(0.8*(1/5 + 9/10)), F = 3.6/0.8 = 4.5,
    // t(3) quantile 0.975 = 3.182446305284263 (as R's qt(0.975, 3)).
    double[][] x = {{1}, {2}, {3}, {4}, {5}};
    double[] y = {2, 4, 5, 4, 5};
    OlsFit fit = OlsFit.fit(CrossProducts.of(List.of("x"), x, y), 0.95);
    assertEquals(5, fit.observations());
    assertEquals(0.6, fit.rSquared(), 1e-12);
    assertEquals(1 - 0.4 * 4 / 3, fit.adjRSquared(), 1e-12);
    assertEquals(Math.sqrt(0.8), fit.residualSe(), 1e-12);
    assertEquals(4.5, fit.fStatistic(), 1e-9);
    OlsTerm intercept = fit.terms().get(0);
    OlsTerm slope = fit.terms().get(1);
    assertEquals(2.2, intercept.coefficient(), 1e-12);
    assertEquals(Math.sqrt(0.88), intercept.stdError(), 1e-12);
    assertEquals(0.6, slope.coefficient(), 1e-12);
    assertEquals(Math.sqrt(0.08), slope.stdError(), 1e-12);
    assertEquals(0.6 / Math.sqrt(0.08), slope.tValue(), 1e-9);
    assertEquals(0.6 - 3.182446305284263 * Math.sqrt(0.08), slope.ciLow(), 1e-9);
    assertEquals(0.6 + 3.182446305284263 * Math.sqrt(0.08), slope.ciHigh(), 1e-9);
    // with one predictor the slope's t test and the F test agree: p = P(F(1,3) > 4.5)
    assertEquals(fit.fPValue(), slope.pValue(), 1e-9);
    assertEquals(0.12402706265755, slope.pValue(), 1e-6);
    assertEquals(1.0, slope.vif(), 1e-12);
  }

  @Test
  void agreesWithCommonsMathQrOnRowsAndVifIsOneOverOneMinusRSquared() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 200;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble() * 10;
      x[i][1] = 0.5 * x[i][0] + random.nextDouble() * 4;  // correlated with the first
      y[i] = 3 + 2 * x[i][0] - 1.5 * x[i][1] + (random.nextDouble() - 0.5) * 6;
    }
    OlsFit fit = OlsFit.fit(CrossProducts.of(List.of("a", "b"), x, y), 0.95);

    OLSMultipleLinearRegression qr = new OLSMultipleLinearRegression();
    qr.newSampleData(y, x);
    double[] beta = qr.estimateRegressionParameters();
    double[] se = qr.estimateRegressionParametersStandardErrors();
    for (int j = 0; j < 3; j++) {
      assertEquals(beta[j], fit.terms().get(j).coefficient(), 1e-9);
      assertEquals(se[j], fit.terms().get(j).stdError(), 1e-9);
    }
    assertEquals(qr.calculateRSquared(), fit.rSquared(), 1e-9);
    assertEquals(qr.calculateAdjustedRSquared(), fit.adjRSquared(), 1e-9);

    double r = correlation(x, 0, 1);
    assertEquals(1 / (1 - r * r), fit.terms().get(1).vif(), 1e-9);
    assertEquals(1 / (1 - r * r), fit.terms().get(2).vif(), 1e-9);
  }

  private static double correlation(double[][] x, int a, int b) {
    int n = x.length;
    double ma = 0;
    double mb = 0;
    for (double[] row : x) {
      ma += row[a] / n;
      mb += row[b] / n;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (double[] row : x) {
      sab += (row[a] - ma) * (row[b] - mb);
      saa += (row[a] - ma) * (row[a] - ma);
      sbb += (row[b] - mb) * (row[b] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
