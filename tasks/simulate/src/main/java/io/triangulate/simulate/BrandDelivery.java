package io.triangulate.simulate;

import java.time.LocalDate;

/**
 * Simulates one advertiser's brand media on one day: linear TV reaching households, streaming
 * impressions to devices and streaming users, out-of-home spend, and their effect on members.
 *
 * <p>Member i's relative lift from channel k is {@code r = maxLift_k × (1 − exp(−A/κ_k))} with A the
 * geometric adstock {@code Σ_{j=0..L} λ_k^j · exposure(t−j)} of:
 * <ul>
 *   <li>linear TV: the household's exposures (every member of a reached household is exposed);
 *   <li>streaming: the impressions of the household's devices plus those of the member's own
 *       streaming user id;
 *   <li>OOH: the advertiser's daily spend per 10,000 members, alike for every member.
 * </ul>
 * The lifts add to the campaigns': p = p0 × (1 + Σ r_campaigns + Σ r_brand) on the platform and
 * p_web = share × p0 × (1 + Σ r_brand) on the brand site, so channel k's expected incremental orders
 * are exactly {@code (1 + share) Σ_i p0_i r_k,i}. Past exposures are recomputed from the same hash
 * draws, so no state is carried between days.
 */
final class BrandDelivery {

  /**
   * One advertiser-day of brand media.
   *
   * @param spend spend per brand channel (0 when not bought or off)
   * @param impressions delivered exposures per channel: households reached, unique streaming impressions (0 for OOH)
   * @param effect Σ_k r_k per member, or null when no brand channel has an effect today
   * @param personallyExposed members with TV or streaming adstock today (OOH excluded), or null
   * @param trueOrders expected incremental orders per channel, platform and brand site together
   * @param trueRevenue expected incremental revenue per channel
   * @param tvRows tv_airings rows (no header), empty unless rows were asked for
   * @param streamingRows streaming_impressions rows, re-logs included
   */
  record Day(
      Advertiser advertiser,
      double[] spend,
      long[] impressions,
      double[] effect,
      boolean[] personallyExposed,
      double[] trueOrders,
      double[] trueRevenue,
      StringBuilder tvRows,
      long tvRowCount,
      StringBuilder streamingRows,
      long streamingRowCount) {}

  private static final int SECONDS_PER_DAY = 86_400;

  private final World world;
  private final BrandPlan plan;
  private final long tvKey;
  private final long streamingKey;
  private final double sumPropensity;
  private final double sumPropensityValue;

  BrandDelivery(World world) {
    this.world = world;
    this.plan = world.brandPlan;
    this.tvKey = Draws.key(world.config.seed(), Draws.TV);
    this.streamingKey = Draws.key(world.config.seed(), Draws.STREAMING);
    double p = 0;
    double pv = 0;
    for (int i = 0; i < world.members.count; i++) {
      p += world.members.propensity[i];
      pv += world.members.propensity[i] * world.members.orderValue[i];
    }
    this.sumPropensity = p;
    this.sumPropensityValue = pv;
  }

  Day simulate(Advertiser advertiser, LocalDate day, SpendScenario scenario, boolean withRows) {
    Outcome out = new Outcome(advertiser, day, scenario, withRows);
    if (plan.buys[BrandPlan.LINEAR_TV][advertiser.index()]) {
      linearTv(out);
    }
    if (plan.buys[BrandPlan.STREAMING][advertiser.index()]) {
      streaming(out);
    }
    if (plan.buys[BrandPlan.OOH][advertiser.index()]) {
      outOfHome(out);
    }
    return new Day(advertiser, out.spend, out.impressions, out.effect, out.exposed, out.orders, out.revenue,
        out.tvRows, out.tvRowCount, out.streamingRows, out.streamingRowCount);
  }

  /** The day's accumulating results, and what every channel needs to know about the day. */
  private final class Outcome {
    final Advertiser advertiser;
    final int a;
    final LocalDate day;
    final long today;
    final long dayIndex;
    final SpendScenario scenario;
    final boolean withRows;
    /** p0 per unit of propensity, times (1 + web share): a member's expected orders per unit of lift. */
    final double orderScale;
    final String dayPrefix;
    final double[] spend = new double[BrandPlan.CHANNELS];
    final long[] impressions = new long[BrandPlan.CHANNELS];
    final double[] orders = new double[BrandPlan.CHANNELS];
    final double[] revenue = new double[BrandPlan.CHANNELS];
    final StringBuilder tvRows = new StringBuilder();
    final StringBuilder streamingRows = new StringBuilder();
    long tvRowCount;
    long streamingRowCount;
    double[] effect;
    boolean[] exposed;

    Outcome(Advertiser advertiser, LocalDate day, SpendScenario scenario, boolean withRows) {
      this.advertiser = advertiser;
      this.a = advertiser.index();
      this.day = day;
      this.today = day.toEpochDay();
      this.dayIndex = today - world.config.startDate().toEpochDay();
      this.scenario = scenario;
      this.withRows = withRows;
      this.orderScale = world.dayFactor(day) * advertiser.purchaseShare() * (1.0 + world.config.web().purchaseShare());
      this.dayPrefix = day + "T";
    }

    /** Spend of {@code channel} {@code lag} days ago under the scenario. */
    double spend(int channel, int lag) {
      double planned = plan.spend(channel, a, dayIndex - lag);
      double m = scenario.multiplier(BrandPlan.channel(channel), today - lag);
      return m == 1.0 ? planned : planned * m;
    }

    double[] decayPowers(int channel) {
      double[] power = new double[plan.maxLagDays + 1];
      for (int k = 0; k < power.length; k++) {
        power[k] = StrictMath.pow(plan.adstockDecay[channel][a], k);
      }
      return power;
    }

    /** Adds member i's lift r from {@code channel} to the day's effects and truth. */
    void addEffect(int channel, int i, double r, boolean personal) {
      if (effect == null) {
        effect = new double[world.members.count];
        exposed = new boolean[world.members.count];
      }
      effect[i] += r;
      exposed[i] |= personal;
      double incremental = orderScale * world.members.propensity[i] * r;
      orders[channel] += incremental;
      revenue[channel] += incremental * world.members.orderValue[i];
    }

    String creative(int channel, int k, long h) {
      if (Draws.uniform(h) < world.config.dataQuality().missingCreativeNameRate()) {
        return "";
      }
      String kind = channel == BrandPlan.LINEAR_TV ? " TV spot " : " streaming video ";
      return advertiser.name() + kind + "v" + (k + 1);
    }
  }

  private void linearTv(Outcome out) {
    int channel = BrandPlan.LINEAR_TV;
    int lags = plan.maxLagDays + 1;
    double[] reach = new double[lags];
    boolean any = false;
    for (int k = 0; k < lags; k++) {
      double spend = out.spend(channel, k);
      reach[k] = spend > 0 ? plan.reach(spend) : 0.0;
      any |= reach[k] > 0;
    }
    out.spend[channel] = out.spend(channel, 0);
    if (!any) {
      return;
    }
    double[] power = out.decayPowers(channel);
    double maxLift = plan.maxLift[channel][out.a];
    double saturation = plan.saturationK[channel][out.a];
    Identities ids = world.identities;
    long advertiserKey = Draws.then(tvKey, out.a);
    long dayKey = Draws.then(Draws.then(advertiserKey, -1), out.today);
    // The day's airings: each reached household saw one of them (network, time, creative).
    int airings = 3 + Draws.below(Draws.then(dayKey, 0), 4);
    String[] network = new String[airings];
    int[] second = new int[airings];
    for (int j = 0; j < airings; j++) {
      network[j] = Catalog.NETWORKS.get(Draws.below(Draws.then(dayKey, 10 + j), Catalog.NETWORKS.size()));
      second[j] = Draws.below(Draws.then(dayKey, 20 + j), SECONDS_PER_DAY);
    }
    String idPrefix = "T" + AdDelivery.compact(out.day) + "-" + out.advertiser.id() + "-";
    StringBuilder sb = out.tvRows;
    long reached = 0;
    for (int h = 0; h < ids.households; h++) {
      long householdKey = Draws.then(advertiserKey, h);
      double adstock = exposureAdstock(householdKey, out.today, reach, power);
      if (adstock == 0) {
        continue;
      }
      if (adstock >= 1.0 && exposedToday(householdKey, out.today, reach[0])) {
        reached++;
        if (out.withRows) {
          long draw = Draws.then(Draws.then(householdKey, out.today), 1);
          int airing = Draws.below(draw, airings);
          sb.append(idPrefix);
          Csv.padded(sb, reached, 6);
          sb.append(',');
          Ids.append(sb, 'H', h);
          sb.append(',').append(out.advertiser.id()).append(',');
          Csv.text(sb, network[airing]);
          sb.append(',');
          Csv.timestamp(sb, out.dayPrefix, second[airing]);
          sb.append(',');
          Csv.text(sb, out.creative(channel, airing % 2, Draws.then(draw, 1)));
          sb.append('\n');
        }
      }
      double r = maxLift * -StrictMath.expm1(-adstock / saturation);
      for (int m = ids.householdFirst[h]; m < ids.householdFirst[h + 1]; m++) {
        out.addEffect(channel, ids.householdMember[m], r, true);
      }
    }
    out.impressions[channel] = reached;
    out.tvRowCount = out.withRows ? reached : 0;
  }

  private void streaming(Outcome out) {
    int channel = BrandPlan.STREAMING;
    int lags = plan.maxLagDays + 1;
    Identities ids = world.identities;
    int targets = ids.devices + ids.users;
    double costPerImpression = plan.config[channel].cpm() / 1000.0;
    double[] probability = new double[lags];
    boolean any = false;
    for (int k = 0; k < lags; k++) {
      double plannedImpressions = out.spend(channel, k) / costPerImpression;
      probability[k] = targets == 0 ? 0.0 : Math.min(1.0, plannedImpressions / targets);
      any |= probability[k] > 0;
    }
    if (!any) {
      return;
    }
    double[] power = out.decayPowers(channel);
    long advertiserKey = Draws.then(streamingKey, out.a);
    double relogRate = plan.config[channel].relogRate();
    String idPrefix = "S" + AdDelivery.compact(out.day) + "-" + out.advertiser.id() + "-";
    String cost = costText(costPerImpression);
    double[] householdAdstock = new double[ids.households];
    double[] userAdstock = new double[ids.users];
    long delivered = 0;
    long logged = 0;
    StringBuilder sb = out.streamingRows;
    // Targets 0..devices-1 are devices, the rest streaming users.
    for (int target = 0; target < targets; target++) {
      long targetKey = Draws.then(advertiserKey, target);
      double adstock = exposureAdstock(targetKey, out.today, probability, power);
      if (adstock == 0) {
        continue;
      }
      boolean device = target < ids.devices;
      if (device) {
        householdAdstock[ids.deviceHousehold[target]] += adstock;
      } else {
        userAdstock[target - ids.devices] += adstock;
      }
      if (adstock >= 1.0 && exposedToday(targetKey, out.today, probability[0])) {
        delivered++;
        if (out.withRows) {
          long draw = Draws.then(Draws.then(targetKey, out.today), 1);
          int second = Draws.below(draw, SECONDS_PER_DAY);
          String creative = out.creative(channel, Draws.below(Draws.then(draw, 1), 2), Draws.then(draw, 2));
          int copies = Draws.uniform(Draws.then(draw, 3)) < relogRate ? 2 : 1;
          for (int copy = 0; copy < copies; copy++) {
            logged++;
            sb.append(idPrefix);
            Csv.padded(sb, logged, 6);
            sb.append(',');
            if (device) {
              Ids.append(sb, 'D', target);
              sb.append(",,");
            } else {
              sb.append(',');
              Ids.append(sb, 'U', target - ids.devices);
              sb.append(',');
            }
            sb.append(out.advertiser.id()).append(',');
            Csv.text(sb, creative);
            sb.append(',');
            Csv.timestamp(sb, out.dayPrefix, second);
            sb.append(',').append(cost).append('\n');
          }
        }
      }
    }
    out.impressions[channel] = delivered;
    out.streamingRowCount = logged;
    out.spend[channel] = Math.round(delivered * costPerImpression * 100.0) / 100.0;
    double maxLift = plan.maxLift[channel][out.a];
    double saturation = plan.saturationK[channel][out.a];
    for (int i = 0; i < world.members.count; i++) {
      int user = ids.userOf[i];
      double adstock = householdAdstock[ids.householdOf[i]] + (user >= 0 ? userAdstock[user] : 0.0);
      if (adstock > 0) {
        out.addEffect(channel, i, maxLift * -StrictMath.expm1(-adstock / saturation), true);
      }
    }
  }

  /**
   * Σ_k λ^k over the days k = 0..L back on which the id was exposed, day t exposed when its draw
   * is below {@code probability[today - t]}. Draws come four days to a hash (days grouped by
   * epoch day / 4), so a day's draw is the same whichever day asks for it.
   */
  private static double exposureAdstock(long idKey, long today, double[] probability, double[] power) {
    double adstock = 0;
    long cachedBlock = Long.MIN_VALUE;
    long hash = 0;
    for (int k = 0; k < probability.length; k++) {
      if (probability[k] <= 0) {
        continue;
      }
      long day = today - k;
      long block = Math.floorDiv(day, 4);
      if (block != cachedBlock) {
        hash = Draws.then(idKey, block);
        cachedBlock = block;
      }
      if (Draws.quarter(hash, (int) Math.floorMod(day, 4)) < probability[k]) {
        adstock += power[k];
      }
    }
    return adstock;
  }

  private static boolean exposedToday(long idKey, long today, double probability) {
    return probability > 0 && Draws.quarter(Draws.then(idKey, Math.floorDiv(today, 4)), (int) Math.floorMod(today, 4)) < probability;
  }

  private void outOfHome(Outcome out) {
    int channel = BrandPlan.OOH;
    double[] power = out.decayPowers(channel);
    double adstock = 0;
    for (int k = 0; k < power.length; k++) {
      adstock += power[k] * out.spend(channel, k) / plan.spendScale;
    }
    out.spend[channel] = out.spend(channel, 0);
    if (adstock == 0) {
      return;
    }
    double r = plan.maxLift[channel][out.a] * -StrictMath.expm1(-adstock / plan.saturationK[channel][out.a]);
    if (out.effect == null) {
      out.effect = new double[world.members.count];
      out.exposed = new boolean[world.members.count];
    }
    for (int i = 0; i < out.effect.length; i++) {
      out.effect[i] += r;
    }
    out.orders[channel] = out.orderScale * sumPropensity * r;
    out.revenue[channel] = out.orderScale * sumPropensityValue * r;
  }

  private static String costText(double cost) {
    StringBuilder sb = new StringBuilder();
    Csv.fixed(sb, cost, 6);
    return sb.toString();
  }
}
