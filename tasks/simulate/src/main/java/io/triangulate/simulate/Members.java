package io.triangulate.simulate;

import io.triangulate.simulate.config.OrderConfig;
import io.triangulate.simulate.config.PopulationConfig;
import io.triangulate.simulate.config.SegmentEffects;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * All members as parallel arrays of primitives (about 40 bytes a member), so a world of millions
 * fits in modest memory. Member {@code i} is {@link Ids#member(int) M(i+1)}; its attributes depend
 * only on the seed and {@code i}, never on how many members there are.
 */
final class Members {

  final int count;
  final byte[] region;
  final byte[] ageBand;
  final byte[] loyaltyTier;
  final int[] signupDaysBeforeStart;
  /** Latent purchase propensity u, population mean 1. */
  final double[] propensity;
  /** log u, kept to compute powers of u cheaply. */
  final double[] logPropensity;
  /** Expected value of one order. */
  final double[] orderValue;
  /** Multiplier of every campaign's lift for this member's segments. */
  final double[] effectMultiplier;

  private Members(int count) {
    this.count = count;
    this.region = new byte[count];
    this.ageBand = new byte[count];
    this.loyaltyTier = new byte[count];
    this.signupDaysBeforeStart = new int[count];
    this.propensity = new double[count];
    this.logPropensity = new double[count];
    this.orderValue = new double[count];
    this.effectMultiplier = new double[count];
  }

  static Members generate(SimulationConfig config, Propensity propensityModel) {
    PopulationConfig population = config.population();
    SegmentEffects effects = config.segmentEffects();
    OrderConfig orders = config.orders();
    double[] regionCumulative = cumulative(population.regionShares(), Segments.REGIONS);
    double[] ageCumulative = cumulative(population.ageBandShares(), Segments.AGE_BANDS);
    double[] tierCumulative = cumulative(population.loyaltyTierShares(), Segments.LOYALTY_TIERS);
    double[] regionEffect = inOrder(effects.region(), Segments.REGIONS);
    double[] ageEffect = inOrder(effects.ageBand(), Segments.AGE_BANDS);
    double[] tierEffect = inOrder(effects.loyaltyTier(), Segments.LOYALTY_TIERS);

    Members m = new Members(config.members());
    long key = Draws.key(config.seed(), Draws.MEMBER);
    // Members are independent of each other, so filling the arrays in parallel changes nothing.
    IntStream.range(0, m.count).parallel().forEach(i -> {
      long h = Draws.then(key, i);
      int r = Draws.category(regionCumulative, Draws.uniform(Draws.then(h, 0)));
      int a = Draws.category(ageCumulative, Draws.uniform(Draws.then(h, 1)));
      int t = Draws.category(tierCumulative, Draws.uniform(Draws.then(h, 2)));
      m.region[i] = (byte) r;
      m.ageBand[i] = (byte) a;
      m.loyaltyTier[i] = (byte) t;
      m.signupDaysBeforeStart[i] = 1 + Draws.below(Draws.then(h, 3), population.signupMaxDaysBeforeStart());
      m.logPropensity[i] = propensityModel.logValue(t, Draws.normal(Draws.then(h, 4)));
      m.propensity[i] = StrictMath.exp(m.logPropensity[i]);
      m.orderValue[i] = orders.meanOrderValue() * Draws.meanOneLognormal(Draws.then(h, 5), orders.orderValueSigma());
      m.effectMultiplier[i] = regionEffect[r] * ageEffect[a] * tierEffect[t];
    });
    return m;
  }

  private static double[] cumulative(Map<String, Double> shares, List<String> order) {
    double[] cumulative = new double[order.size()];
    double sum = 0;
    for (int k = 0; k < order.size(); k++) {
      sum += shares.get(order.get(k));
      cumulative[k] = sum;
    }
    for (int k = 0; k < cumulative.length; k++) {
      cumulative[k] /= sum; // shares are validated to sum to 1 ± 0.001; make it exact
    }
    return cumulative;
  }

  private static double[] inOrder(Map<String, Double> values, List<String> order) {
    double[] result = new double[order.size()];
    for (int k = 0; k < order.size(); k++) {
      result[k] = values.get(order.get(k));
    }
    return result;
  }
}
