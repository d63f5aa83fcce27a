package io.triangulate.simulate;

import io.triangulate.core.config.ConfigException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything about the simulated world that does not change from day to day: members, advertisers,
 * campaigns, audiences and the baseline purchase scale. Built from the config alone, so every
 * process (and every day generated alone) builds the same world.
 */
final class World {

  final SimulationConfig config;
  final Propensity propensity;
  final Targeting targeting;
  final Members members;
  final Identities identities;
  final BrandPlan brandPlan;
  final List<Advertiser> advertisers;
  final List<Campaign> campaigns;
  final List<Audience> audiences;
  /** s in p0 = s · u · advertiser share · weekday factor. */
  final double baselineScale;
  /** Monday..Sunday, mean exactly 1. */
  private final double[] weekday;

  private World(SimulationConfig config) {
    this.config = config;
    this.propensity = new Propensity(config.baseline(), config.population());
    this.targeting = new Targeting(propensity, config.exposure());
    this.members = Members.generate(config, propensity);
    this.identities = Identities.build(members, config.identity(), config.seed());
    this.brandPlan = new BrandPlan(config);
    CampaignPlanner planner = new CampaignPlanner(config);
    this.advertisers = List.copyOf(planner.advertisers());
    List<Campaign> planned = planner.campaigns(advertisers);
    this.audiences =
        IntStream.range(0, planned.size())
            .parallel()
            .mapToObj(c -> targeting.sample(planned.get(c), members, config.seed()))
            .toList();
    List<Campaign> budgeted = new ArrayList<>();
    for (int c = 0; c < planned.size(); c++) {
      Campaign campaign = planned.get(c);
      double spend = targeting.expectedDailySpend(campaign, audiences.get(c), members);
      budgeted.add(campaign.withDailyBudget(Math.round(spend * 100.0) / 100.0));
    }
    this.campaigns = List.copyOf(budgeted);
    this.baselineScale =
        new BaselineCalibrator(propensity, targeting).dailyScale(campaigns, config.baseline().controlConversion28d());
    this.weekday = normalisedWeekdays(config.baseline().weeklySeasonality());
    checkProbabilitiesStayBelowOne();
  }

  static World build(SimulationConfig config) {
    return new World(config);
  }

  /** The advertiser-independent part of baseline purchase probability on {@code day}: s × weekday factor. */
  double dayFactor(LocalDate day) {
    return baselineScale * weekday[day.getDayOfWeek().getValue() - 1];
  }

  private static double[] normalisedWeekdays(List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
    double[] result = new double[7];
    for (int d = 0; d < 7; d++) {
      result[d] = values.get(d) / mean;
    }
    return result;
  }

  /**
   * Purchase probabilities are Bernoulli parameters; one above 1 would silently cap the recorded
   * effects. Bound the worst member on the worst day with every positive campaign and brand channel
   * of an advertiser saturated (on the platform and on the brand site), and refuse configs that
   * could cross it.
   */
  private void checkProbabilitiesStayBelowOne() {
    double maxPropensity = 0;
    double maxMultiplier = 0;
    for (int i = 0; i < members.count; i++) {
      maxPropensity = Math.max(maxPropensity, members.propensity[i]);
      maxMultiplier = Math.max(maxMultiplier, members.effectMultiplier[i]);
    }
    double maxWeekday = 0;
    for (double w : weekday) {
      maxWeekday = Math.max(maxWeekday, w);
    }
    for (Advertiser a : advertisers) {
      double positiveLift = 0;
      for (Campaign c : campaigns) {
        if (c.advertiser().index() == a.index() && c.relativeLift() > 0) {
          positiveLift += c.relativeLift() * maxMultiplier;
        }
      }
      double brandLift = 0;
      for (int k = 0; k < BrandPlan.CHANNELS; k++) {
        brandLift += brandPlan.maxLift[k][a.index()];
      }
      double worstP0 = baselineScale * maxPropensity * a.purchaseShare() * maxWeekday;
      double worst = worstP0 * Math.max(1 + positiveLift + brandLift, config.web().purchaseShare() * (1 + brandLift));
      if (worst > 1.0) {
        throw new ConfigException(
            "baseline.control_conversion_28d (" + config.baseline().controlConversion28d()
                + ") with this propensity spread and lift puts a daily purchase probability above 1 (" + worst
                + "); lower the conversion, baseline.propensity_sigma or the lifts");
      }
    }
  }
}
