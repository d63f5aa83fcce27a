package io.triangulate.simulate;

import java.util.List;

/**
 * Finds the daily purchase-probability scale s (p0 = s · u · advertiser share · weekday factor)
 * that gives exposed control members the configured 28-day conversion rate.
 *
 * <p>The expectation is taken over the population distribution of propensity, not over the drawn
 * members: numerically over the standard-normal draw of each loyalty tier. A control member's
 * weight is the chance of being targeted times the chance of at least one ghost exposure during
 * the flight; campaigns are pooled by their expected exposed counts.
 */
final class BaselineCalibrator {

  static final int WINDOW_DAYS = 28;
  private static final double Z_LIMIT = 7.0;
  private static final double Z_STEP = 0.01;

  private final Propensity propensity;
  private final Targeting targeting;

  BaselineCalibrator(Propensity propensity, Targeting targeting) {
    this.propensity = propensity;
    this.targeting = targeting;
  }

  double dailyScale(List<Campaign> campaigns, double targetConversion) {
    int points = (int) Math.round(2 * Z_LIMIT / Z_STEP) + 1;
    int size = campaigns.size() * propensity.tiers() * points;
    double[] weight = new double[size];
    double[] exposure28 = new double[size]; // 28 × u × advertiser share: expected purchases per unit of s
    int n = 0;
    for (Campaign c : campaigns) {
      double normaliser = targeting.inclusionNormaliser(c);
      int flightDays = c.lengthDays();
      for (int t = 0; t < propensity.tiers(); t++) {
        for (int k = 0; k < points; k++) {
          double z = -Z_LIMIT + k * Z_STEP;
          double density = StrictMath.exp(-z * z / 2.0) / StrictMath.sqrt(2.0 * Math.PI) * Z_STEP;
          double logU = propensity.logValue(t, z);
          double u = StrictMath.exp(logU);
          double everExposed = 1.0 - StrictMath.pow(1.0 - targeting.opportunity(c, logU), flightDays);
          weight[n] = propensity.tierShare(t) * density * targeting.inclusion(c, logU, normaliser) * everExposed;
          exposure28[n] = WINDOW_DAYS * u * c.advertiser().purchaseShare();
          n++;
        }
      }
    }
    double low = 0;
    double high = 1e-4;
    while (conversion(high, weight, exposure28) < targetConversion) {
      low = high;
      high *= 2;
      if (high > 1.0) {
        throw new IllegalStateException("no purchase scale reaches a 28-day conversion of " + targetConversion);
      }
    }
    for (int iteration = 0; iteration < 60; iteration++) {
      double mid = (low + high) / 2;
      if (conversion(mid, weight, exposure28) < targetConversion) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** Weighted mean of P(at least one purchase in 28 days) = 1 - exp(-s · 28 · u · share). */
  private static double conversion(double scale, double[] weight, double[] exposure28) {
    double converted = 0;
    double total = 0;
    for (int k = 0; k < weight.length; k++) {
      converted += weight[k] * -StrictMath.expm1(-scale * exposure28[k]);
      total += weight[k];
    }
    return converted / total;
  }
}
