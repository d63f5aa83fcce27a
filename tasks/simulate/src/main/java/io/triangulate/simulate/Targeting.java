package io.triangulate.simulate;

import io.triangulate.simulate.config.ExposureConfig;
import java.util.Arrays;

/**
 * Who a campaign reaches and how often, as functions of a member's propensity u. This is where the
 * world favours would-buy-anyway members: inclusion grows as u^bias and daily opportunities as
 * u^elasticity, so naive attribution sees buyers among the exposed that the ads did not create.
 * Randomization to control happens after targeting, so the experiment stays valid.
 */
final class Targeting {

  private final Propensity propensity;
  private final ExposureConfig exposure;

  Targeting(Propensity propensity, ExposureConfig exposure) {
    this.propensity = propensity;
    this.exposure = exposure;
  }

  /** Normaliser of {@link #inclusion}: E[u^bias] over the population, in closed form. */
  double inclusionNormaliser(Campaign c) {
    return propensity.moment(c.targetingBias());
  }

  /** Probability that a member with propensity u = exp(logU) is in the campaign's audience. */
  double inclusion(Campaign c, double logU, double normaliser) {
    return Math.min(1.0, c.channelConfig().audienceShare() * StrictMath.exp(c.targetingBias() * logU) / normaliser);
  }

  /** Daily probability of an ad opportunity for an audience member with propensity u = exp(logU). */
  double opportunity(Campaign c, double logU) {
    return Math.min(
        exposure.maxDailyOpportunity(),
        c.channelConfig().opportunityRate() * StrictMath.exp(exposure.propensityElasticity() * logU));
  }

  /** Normaliser of {@link #click}: E[u^elasticity] over the population. */
  double clickNormaliser() {
    return propensity.moment(exposure.clickPropensityElasticity());
  }

  /** Probability that an impression shown to a member with propensity u = exp(logU) is clicked. */
  double click(Campaign c, double logU, double normaliser) {
    return Math.min(0.5, c.channelConfig().ctr() * StrictMath.exp(exposure.clickPropensityElasticity() * logU) / normaliser);
  }

  /** The campaign's audience: inclusion and arm drawn per member from (seed, campaign, member). */
  Audience sample(Campaign c, Members members, long seed) {
    double normaliser = inclusionNormaliser(c);
    long audienceKey = Draws.then(Draws.key(seed, Draws.AUDIENCE), c.index());
    long armKey = Draws.then(Draws.key(seed, Draws.ARM), c.index());
    int capacity = Math.max(16, (int) Math.min(members.count, members.count * c.channelConfig().audienceShare() * 1.2));
    int[] member = new int[capacity];
    boolean[] treated = new boolean[capacity];
    float[] opportunity = new float[capacity];
    int n = 0;
    for (int i = 0; i < members.count; i++) {
      double logU = members.logPropensity[i];
      if (Draws.uniform(Draws.then(audienceKey, i)) >= inclusion(c, logU, normaliser)) {
        continue;
      }
      if (n == member.length) {
        int grown = member.length + member.length / 2;
        member = Arrays.copyOf(member, grown);
        treated = Arrays.copyOf(treated, grown);
        opportunity = Arrays.copyOf(opportunity, grown);
      }
      member[n] = i;
      treated[n] = Draws.uniform(Draws.then(armKey, i)) >= c.holdoutShare();
      opportunity[n] = (float) opportunity(c, logU);
      n++;
    }
    return new Audience(
        Arrays.copyOf(member, n), Arrays.copyOf(treated, n), Arrays.copyOf(opportunity, n));
  }

  /** Expected daily spend of the treatment arm: what the campaign's budget is set to. */
  double expectedDailySpend(Campaign c, Audience audience, Members members) {
    double clickNormaliser = clickNormaliser();
    double spend = 0;
    for (int j = 0; j < audience.size(); j++) {
      if (!audience.treated[j]) {
        continue;
      }
      double perOpportunity =
          c.costPerClick()
              ? c.unitPrice() * click(c, members.logPropensity[audience.member[j]], clickNormaliser)
              : c.unitPrice() / 1000.0;
      spend += audience.opportunity[j] * perOpportunity;
    }
    return spend;
  }
}
