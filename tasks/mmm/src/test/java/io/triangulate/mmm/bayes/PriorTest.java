package io.triangulate.mmm.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;

class PriorTest {

  private static final Prior[] PRIORS = {
    new Prior.Normal(1, 2), new Prior.HalfNormal(0.7), new Prior.Gamma(3, 1), new Prior.LogNormal(0.5, 0.8),
    new Prior.Beta(1, 3), new Prior.Beta(2.5, 4)};

  @Test
  void gradientsMatchFiniteDifferences() {
    double h = 1e-6;
    for (Prior prior : PRIORS) {
      for (double u : new double[] {-2, -0.3, 0.4, 1.7}) {
        double numeric = (prior.logDensity(u + h) - prior.logDensity(u - h)) / (2 * h);
        assertEquals(numeric, prior.logDensityGradient(u), 1e-6, prior.describe() + " at " + u);
        double link = (prior.constrained(u + h) - prior.constrained(u - h)) / (2 * h);
        assertEquals(link, prior.linkDerivative(u), 1e-6, prior.describe() + " link at " + u);
        assertEquals(u, prior.unconstrained(prior.constrained(u)), 1e-9);
      }
    }
  }

  @Test
  void unconstrainedDensityIsTheStatedPriorTimesTheJacobian() {
    // log p_u(u) = log p_x(x(u)) + log |dx/du| up to a constant: compare differences between two points.
    BetaDistribution beta = new BetaDistribution(2.5, 4);
    GammaDistribution gamma = new GammaDistribution(3, 1);
    double[][] pairs = {{-1.0, 0.6}, {0.2, 1.5}};
    for (double[] pair : pairs) {
      Prior betaPrior = new Prior.Beta(2.5, 4);
      double expectedBeta = logWithJacobian(beta.logDensity(betaPrior.constrained(pair[0])), betaPrior, pair[0])
          - logWithJacobian(beta.logDensity(betaPrior.constrained(pair[1])), betaPrior, pair[1]);
      assertEquals(expectedBeta, betaPrior.logDensity(pair[0]) - betaPrior.logDensity(pair[1]), 1e-10);
      Prior gammaPrior = new Prior.Gamma(3, 1);
      double expectedGamma = logWithJacobian(gamma.logDensity(gammaPrior.constrained(pair[0])), gammaPrior, pair[0])
          - logWithJacobian(gamma.logDensity(gammaPrior.constrained(pair[1])), gammaPrior, pair[1]);
      assertEquals(expectedGamma, gammaPrior.logDensity(pair[0]) - gammaPrior.logDensity(pair[1]), 1e-10);
    }
  }

  private static double logWithJacobian(double logDensity, Prior prior, double u) {
    return logDensity + Math.log(prior.linkDerivative(u));
  }
}
