package io.triangulate.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class CupedTest {

  private static final ConfidenceLevel L95 = ConfidenceLevel.NINETY_FIVE;

  /*
   * Treated (y, x): (3,1) (5,2) (4,2) (8,4); control: (2,1) (1,0) (4,3) (3,1) (5,3). By hand (Python):
   *   S_xy: treated 7.75, control 8.0; S_xx: treated 4.75, control 7.2 → θ = 15.75 / 11.95 = 1.3389121339
   *   ȳ_t − ȳ_c = 5 − 3 = 2; x̄_t − x̄_c = 2.25 − 1.6 = 0.65 → adjusted 2 − 1.3389·0.65 = 1.1297071130
   *   adjusted SE 0.4065616694, unadjusted SE 1.2909944487, variance reduction 0.9008245654,
   *   p = 2Φ(−1.1297/0.40656) = 0.0054579300
   */
  @Test
  void smallExampleMatchesHandComputation() {
    CovariateArm treated = new CovariateArm(4, 20, 114, 9, 25, 53);
    CovariateArm control = new CovariateArm(5, 15, 55, 8, 20, 32);
    CupedEstimate e = Cuped.estimate(treated, control, L95);
    assertEquals(1.3389121339, e.theta(), 1e-9);
    assertEquals(1.1297071130, e.difference(), 1e-9);
    assertEquals(0.4065616694, e.standardError(), 1e-9);
    assertEquals(0.9008245654, e.varianceReduction(), 1e-9);
    assertEquals(0.0054579300, e.pValue(), 1e-9);
    assertEquals(2.0, e.unadjustedDifference(), 1e-12);
    assertEquals(1.2909944487, e.unadjustedStandardError(), 1e-9);
    assertEquals(1.1297071130 - 1.959963985 * 0.4065616694, e.interval().low(), 1e-8);
    assertEquals(1.1297071130 / 3, e.relativeDifference(), 1e-9);
    assertTrue(e.notes().isEmpty(), e.notes().toString());
  }

  /* The adjusted difference is the treatment coefficient of OLS y ~ 1 + treatment + x (Commons Math). */
  @Test
  void adjustedDifferenceIsTheOlsTreatmentCoefficient() {
    double[][] units = {{3, 1, 1}, {5, 2, 1}, {4, 2, 1}, {8, 4, 1}, {2, 1, 0}, {1, 0, 0}, {4, 3, 0}, {3, 1, 0}, {5, 3, 0}};
    double[] y = new double[units.length];
    double[][] x = new double[units.length][];
    for (int i = 0; i < units.length; i++) {
      y[i] = units[i][0];
      x[i] = new double[] {units[i][2], units[i][1]};
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] beta = ols.estimateRegressionParameters();
    CupedEstimate e =
        Cuped.estimate(new CovariateArm(4, 20, 114, 9, 25, 53), new CovariateArm(5, 15, 55, 8, 20, 32), L95);
    assertEquals(beta[1], e.difference(), 1e-12);
    assertEquals(beta[2], e.theta(), 1e-12);
  }

  @Test
  void constantCovariateFallsBackToUnadjustedWithANote() {
    // x = 2 for every unit.
    CovariateArm treated = new CovariateArm(3, 6, 14, 6, 12, 12);
    CovariateArm control = new CovariateArm(3, 3, 5, 6, 12, 6);
    assertFalse(Cuped.covariateVaries(treated, control));
    CupedEstimate e = Cuped.estimate(treated, control, L95);
    assertEquals(0.0, e.theta());
    assertEquals(e.unadjustedDifference(), e.difference(), 1e-15);
    assertEquals(e.unadjustedStandardError(), e.standardError(), 1e-15);
    assertEquals(0.0, e.varianceReduction(), 1e-12);
    assertTrue(e.notes().contains("covariate has zero variance within the arms: no adjustment (theta = 0)"));
  }

  @Test
  void emptyArmGivesNaNAndANote() {
    CupedEstimate e = Cuped.estimate(new CovariateArm(0, 0, 0, 0, 0, 0), new CovariateArm(3, 3, 5, 6, 14, 6), L95);
    assertTrue(Double.isNaN(e.difference()));
    assertFalse(e.interval().isDefined());
    assertTrue(e.notes().contains("treated arm has no units"), e.notes().toString());
  }

  /*
   * Truth recovery. Members have a latent propensity λ ~ lognormal(0, 0.8²); pre-period orders x ~
   * Poisson(λ) and outcome y ~ Poisson(λ·(1 + lift)) in the treated arm, Poisson(λ) in control, as the
   * simulator's orders are. True effect = E[λ]·lift = exp(0.32)·0.10. 2,000 experiments of 1,000
   * members per arm.
   *   Coverage: a correct 95% interval covers Binomial(2000, 0.95)/2000 times, sd 0.49 pp, so the
   *   93–97% band is ±4 sd wide.
   *   Narrowing: the measured variance reduction must predict the real one. The sd of the adjusted
   *   estimates over the experiments, divided by the sd of the unadjusted ones, is compared with
   *   √(1 − mean measured variance reduction). For correlated normal estimates the log of that sd
   *   ratio has Monte Carlo sd √((1 − ρ²)/R) (ρ their correlation, R experiments); we allow 3 of them.
   */
  @Test
  void adjustedIntervalsCoverTheTruthAndNarrowByTheMeasuredVarianceReduction() {
    int experiments = 2_000;
    int perArm = 1_000;
    double lift = 0.10;
    double truth = Math.exp(0.32) * lift;
    SplittableRandom random = new SplittableRandom(20_261_203L);
    int covered = 0;
    int coveredUnadjusted = 0;
    double sumReduction = 0;
    double[] adjusted = new double[experiments];
    double[] unadjusted = new double[experiments];
    for (int r = 0; r < experiments; r++) {
      CupedEstimate e = Cuped.estimate(arm(random, perArm, 1 + lift), arm(random, perArm, 1.0), L95);
      covered += e.interval().contains(truth) ? 1 : 0;
      coveredUnadjusted += e.unadjustedInterval().contains(truth) ? 1 : 0;
      sumReduction += e.varianceReduction();
      adjusted[r] = e.difference();
      unadjusted[r] = e.unadjustedDifference();
    }
    double coverage = (double) covered / experiments;
    double meanReduction = sumReduction / experiments;
    String figures =
        String.format(
            "coverage adjusted %.4f, unadjusted %.4f, mean variance reduction %.4f",
            coverage, (double) coveredUnadjusted / experiments, meanReduction);
    assertTrue(coverage >= 0.93 && coverage <= 0.97, figures);
    assertTrue(meanReduction > 0.25, "the covariate should matter in this world (measured 0.311 with this seed): " + figures);

    double sdRatio = Math.sqrt(variance(adjusted) / variance(unadjusted));
    double rho = correlation(adjusted, unadjusted);
    double tolerance = 3 * Math.sqrt((1 - rho * rho) / experiments);
    double predicted = Math.sqrt(1 - meanReduction);
    assertEquals(
        0.0, Math.log(sdRatio / predicted), tolerance,
        figures + String.format(", observed sd ratio %.4f vs predicted %.4f", sdRatio, predicted));
  }

  private static CovariateArm arm(SplittableRandom random, int n, double multiplier) {
    double sy = 0, sy2 = 0, sx = 0, sx2 = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      double lambda = Math.exp(0.8 * gaussian(random));
      double x = poisson(random, lambda);
      double y = poisson(random, lambda * multiplier);
      sy += y;
      sy2 += y * y;
      sx += x;
      sx2 += x * x;
      sxy += x * y;
    }
    return new CovariateArm(n, sy, sy2, sx, sx2, sxy);
  }

  static double gaussian(SplittableRandom random) {
    // Box–Muller, one draw per call (the other half is discarded: simplicity over speed).
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Knuth's multiplication method; fine for the small means used here. */
  static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }

  private static double variance(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return ss / (v.length - 1);
  }

  private static double correlation(double[] a, double[] b) {
    double ma = 0, mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
