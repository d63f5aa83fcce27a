package io.triangulate.simulate;

import io.triangulate.simulate.config.BrandChannelConfig;
import io.triangulate.simulate.config.MarketHistoryConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The aggregate market × week history before the member-level period: what a marketing mix model
 * needs (two years of weekly revenue and spend per market) without simulating two years of member
 * events. It is driven by the same world as the member-level days: the same members (their
 * propensities, order values, households, devices and streaming ids, now placed in markets), the
 * same baseline scale and weekday factors, the same advertisers' brand channel parameters
 * (adstock decay, saturation, peak lift) and the same onsite campaigns (audience, opportunity
 * probabilities, lift, decay, saturation) running as always-on programmes.
 *
 * <p>Each day's expected orders and revenue are the member-level model's expectation over the
 * exposure draws, in closed form: an id exposed on day t−j with probability q_j (independently
 * across days, as the member-level hash draws are) has {@code E[exp(−A/κ)] = Π_j (1 − q_j + q_j
 * e^{−λ^j/κ})} for the geometric adstock A = Σ_j λ^j X_j, so the expected lift {@code maxLift ×
 * (1 − E[exp(−A/κ)])} needs no sampling. Streaming members sum their household's devices' and their
 * own user's adstock, so their factor is that product to the power of their number of ids.
 *
 * <p>What differs from the member-level days, by design: spend varies per market and week (flights
 * on and off nationally per week, a level drawn per market and week; independent across channels, so
 * a model can tell the channels apart), each market has a yearly seasonality (1 on the member-level start day), and
 * onsite programmes have no ghost-ad holdout (only the campaign's treated members are reachable;
 * spend is the campaign's expected cost per opportunity times the expected opportunities). Sampled
 * values add compound-Poisson order noise of the member-level world: orders ~ N(O, O), revenue with
 * variance O × E[order value²].
 */
public final class MarketHistory {

  private static final int PURPOSE = 102;

  /** One market × week × advertiser: sampled target, spend and true effect per channel. */
  public record Week(
      LocalDate weekStart,
      String marketId,
      String advertiserId,
      double orders,
      double revenue,
      double expectedOrders,
      double expectedRevenue,
      double[] spend,
      double[] trueOrders,
      double[] trueRevenue) {}

  /**
   * One simulated geo test: linear TV of an advertiser scaled by {@code multiplier} in the treated
   * markets over {@code start}..{@code end} (the history's last weeks). The truth is the difference
   * of the expected values with and without the change, summed over the treated markets and the
   * test window: {@code spendChange} (negative when spend is cut) and the true incremental orders
   * and revenue of the change. The window holds all of it that the data can show: the adstock of
   * spend before the test is in both scenarios and cancels; the carry-over of the change past the
   * history's last day falls outside the history (the member-level days do not continue its
   * adstock), so it is neither observed nor counted.
   */
  public record GeoTest(
      String advertiserId,
      String channel,
      List<String> treatedMarkets,
      LocalDate start,
      LocalDate end,
      double multiplier,
      double spendChange,
      double trueIncrementalOrders,
      double trueIncrementalRevenue) {}

  /** Sums over a window: expected orders and revenue of every market and advertiser, spend per channel. */
  public record Totals(double orders, double revenue, double[] spend) {}

  private final World world;
  private final MarketHistoryConfig config;
  final Markets markets;
  private final List<String> channels;
  private final LocalDate firstDay;
  private final int days;
  /** [market]: Σ propensity, Σ propensity × value, Σ propensity × value² × e^{σ²} of its members. */
  private final double[] sumP;
  private final double[] sumPV;
  private final double[] sumPV2;
  private final int[] streamingTargets;
  /** [market][ids 0..maxIds]: Σ p and Σ p v over members with that many streaming ids. */
  private final double[][] streamingP;
  private final double[][] streamingPV;
  private final double[] membersInMarket;
  /** Campaign activity level per [campaign][market][week] (0 off). */
  private final double[][][] onsiteLevel;
  /** Brand daily spend per 10,000 members, [channel][advertiser][market][day], without the geo tests. */
  private final double[][][][] brandSpendPer10k;
  /** [advertiser][market]: treated in the advertiser's geo test (all false without one). */
  private final boolean[][] geoTreated;
  /** First history day index of the geo tests (days when there are none). */
  private final int geoTestFirstDay;

  MarketHistory(World world, MarketHistoryConfig config) {
    this.world = world;
    this.config = config;
    Identities ids = world.identities;
    int members = world.members.count;
    this.markets = Markets.assign(ids.households, config.markets(), config.sizeExponent(),
        config.seasonalityAmplitudeMax(), world.config.seed());
    this.channels = new ArrayList<>(world.config.channels().keySet());
    channels.addAll(BrandPlan.channels());
    LocalDate startWeek = world.config.startDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    this.firstDay = startWeek.minusWeeks(config.weeks());
    this.days = config.weeks() * 7;
    int m = markets.count;
    sumP = new double[m];
    sumPV = new double[m];
    sumPV2 = new double[m];
    membersInMarket = new double[m];
    streamingTargets = new int[m];
    streamingP = new double[m][8];
    streamingPV = new double[m][8];
    double valueSpread = Math.exp(Math.pow(world.config.orders().orderNoiseSigma(), 2));
    for (int i = 0; i < members; i++) {
      int h = ids.householdOf[i];
      int market = markets.marketOf[h];
      double p = world.members.propensity[i];
      double v = world.members.orderValue[i];
      sumP[market] += p;
      sumPV[market] += p * v;
      sumPV2[market] += p * v * v * valueSpread;
      membersInMarket[market]++;
      int n = Math.min(7, ids.deviceFirst[h + 1] - ids.deviceFirst[h] + (ids.userOf[i] >= 0 ? 1 : 0));
      streamingP[market][n] += p;
      streamingPV[market][n] += p * v;
      if (ids.userOf[i] >= 0) {
        streamingTargets[market]++;
      }
    }
    for (int h = 0; h < ids.households; h++) {
      streamingTargets[markets.marketOf[h]] += ids.deviceFirst[h + 1] - ids.deviceFirst[h];
    }
    long key = Draws.key(world.config.seed(), PURPOSE);
    onsiteLevel = new double[world.campaigns.size()][m][config.weeks()];
    for (int c = 0; c < world.campaigns.size(); c++) {
      for (int market = 0; market < m; market++) {
        for (int w = 0; w < config.weeks(); w++) {
          // On or off nationally (a media plan's flight), at a level drawn per market and week.
          long national = Draws.then(Draws.then(key, c), w);
          long h = Draws.then(Draws.then(Draws.then(key, c), market), w);
          onsiteLevel[c][market][w] = Draws.uniform(Draws.then(national, -7)) < config.onsiteWeeksOnShare()
              ? config.levelMin() + marketWeekDraw(Draws.then(Draws.then(key, c), market), Draws.then(h, 1))
                  * (config.levelMax() - config.levelMin()) : 0.0;
        }
      }
    }
    BrandPlan plan = world.brandPlan;
    brandSpendPer10k = new double[BrandPlan.CHANNELS][world.advertisers.size()][m][days];
    for (int k = 0; k < BrandPlan.CHANNELS; k++) {
      BrandChannelConfig ch = plan.config[k];
      for (int a = 0; a < world.advertisers.size(); a++) {
        if (!plan.buys[k][a]) {
          continue;
        }
        for (int market = 0; market < m; market++) {
          long national = Draws.then(Draws.then(key, -1 - k), a);
          long h = Draws.then(national, market);
          for (int d = 0; d < days; d++) {
            // Flights on or off nationally per week, the level drawn per market and week.
            long week = Draws.then(h, 1_000 + d / 7);
            if (Draws.uniform(Draws.then(Draws.then(national, -1_000 - d / 7), 0)) >= ch.weeksOnShare()) {
              continue;
            }
            double level = ch.dailySpendMin() + marketWeekDraw(h, Draws.then(week, 1)) * (ch.dailySpendMax() - ch.dailySpendMin());
            brandSpendPer10k[k][a][market][d] = level * (0.85 + 0.3 * Draws.uniform(Draws.then(h, 100_000 + d)));
          }
        }
      }
    }
    geoTreated = new boolean[world.advertisers.size()][m];
    geoTestFirstDay = days - 7 * config.geoTestWeeks();
    if (config.geoTestWeeks() > 0) {
      for (int a = 0; a < world.advertisers.size(); a++) {
        if (!plan.buys[BrandPlan.LINEAR_TV][a]) {
          continue;
        }
        // A planner's stratified sample: markets 1..m−1 (rank order, the largest stays a control)
        // split into geo_test_markets consecutive strata by size, one market drawn from each, seeded
        // per advertiser. Treated set and donors both span large and small markets, so the donors
        // can synthesise the treated mean and the treated share of sales is representative.
        long test = Draws.then(Draws.then(key, -50), a);
        int strata = config.geoTestMarkets();
        for (int i = 0; i < strata; i++) {
          int from = 1 + (int) Math.floor((double) i * (m - 1) / strata);
          int to = 1 + (int) Math.floor((double) (i + 1) * (m - 1) / strata);
          int pick = from + (int) Math.floor(Draws.uniform(Draws.then(test, i)) * (to - from));
          geoTreated[a][Math.min(pick, to - 1)] = true;
        }
      }
    }
  }

  /**
   * A flight's level in a market and week, in [0, 1]: the market's own weight in the media plan
   * (persistent, drawn per market) mixed with a week-to-week change, {@code (1 − j) u_market + j
   * u_week} with j = market_level_week_jitter (1: independent every week).
   */
  private double marketWeekDraw(long market, long week) {
    double j = config.marketLevelWeekJitter();
    return (1 - j) * Draws.uniform(Draws.then(market, -77)) + j * Draws.uniform(week);
  }

  /**
   * The simulated geo tests with their truth (see {@link GeoTest}), one per advertiser that buys
   * linear TV, or none. Closed form: per treated market and test day, the linear TV effect of
   * {@link #brandExpected} with the test's spend minus that with the planned spend (the baseline,
   * the other channels and the onsite programmes are the same in both and cancel).
   */
  public List<GeoTest> geoTests() {
    List<GeoTest> tests = new ArrayList<>();
    if (config.geoTestWeeks() == 0) {
      return tests;
    }
    int k = BrandPlan.LINEAR_TV;
    double webShare = world.config.web().purchaseShare();
    for (Advertiser adv : world.advertisers) {
      int a = adv.index();
      if (!world.brandPlan.buys[k][a]) {
        continue;
      }
      List<String> treated = new ArrayList<>();
      double spend = 0;
      double orders = 0;
      double revenue = 0;
      for (int market = 0; market < markets.count; market++) {
        if (!geoTreated[a][market]) {
          continue;
        }
        treated.add(Markets.id(market));
        for (int d = geoTestFirstDay; d < days; d++) {
          LocalDate day = firstDay.plusDays(d);
          double p0 = world.dayFactor(day) * adv.purchaseShare() * seasonality(market, day) * (1 + webShare);
          double[] with = new double[world.brandPlan.maxLagDays + 1];
          double[] without = new double[with.length];
          for (int j = 0; j < with.length; j++) {
            with[j] = brandSpend(k, a, market, d - j, SpendScenario.ACTUAL, true);
            without[j] = brandSpend(k, a, market, d - j, SpendScenario.ACTUAL, false);
          }
          double[] e1 = brandExpected(k, a, market, with, p0);
          double[] e0 = brandExpected(k, a, market, without, p0);
          spend += with[0] - without[0];
          orders += e1[0] - e0[0];
          revenue += e1[1] - e0[1];
        }
      }
      tests.add(new GeoTest(adv.id(), BrandPlan.channel(k), List.copyOf(treated), firstDay.plusDays(geoTestFirstDay),
          lastDay(), config.geoTestTvMultiplier(), spend, orders, revenue));
    }
    return tests;
  }

  public List<String> channels() {
    return channels;
  }

  public int markets() {
    return markets.count;
  }

  public static String marketId(int market) {
    return Markets.id(market);
  }

  /** First day of the history (a Monday), or the member-level start when there is none. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** Last day of the history (a Sunday before the member-level period's first week). */
  public LocalDate lastDay() {
    return firstDay.plusDays(days - 1L);
  }

  public int weekCount() {
    return config.weeks();
  }

  /** Every market × week × advertiser with the actual spend, sampled (if configured) and true values. */
  public List<Week> weeks() {
    double[][][][] daily = expectedDaily(SpendScenario.ACTUAL);
    List<Week> rows = new ArrayList<>();
    long key = Draws.then(Draws.key(world.config.seed(), PURPOSE), -100);
    int nc = channels.size();
    for (int w = 0; w < config.weeks(); w++) {
      for (int market = 0; market < markets.count; market++) {
        for (Advertiser adv : world.advertisers) {
          int a = adv.index();
          double orders = 0;
          double revenue = 0;
          double[] spend = new double[nc];
          double[] tOrders = new double[nc];
          double[] tRevenue = new double[nc];
          for (int d = w * 7; d < w * 7 + 7; d++) {
            double[] v = daily[a][market][d];
            orders += v[0];
            revenue += v[1];
            for (int c = 0; c < nc; c++) {
              spend[c] += v[2 + c];
              tOrders[c] += v[2 + nc + c];
              tRevenue[c] += v[2 + 2 * nc + c];
            }
          }
          double sampledOrders = orders;
          double sampledRevenue = revenue;
          if (config.noise() && orders > 0) {
            long h = Draws.then(Draws.then(Draws.then(key, w), market), a);
            double z1 = Draws.normal(Draws.then(h, 0));
            double z2 = Draws.normal(Draws.then(h, 1));
            double meanSquare = sumPV2[market] / sumP[market];
            double rho = Math.min(1.0, (revenue / orders) / Math.sqrt(meanSquare));
            // Sales of a customer base population_scale times the panel, per panel member: the
            // compound-Poisson variance of the base's orders divided by the scale squared.
            double scale = config.populationScale();
            sampledOrders = Math.max(0, Math.round((orders + Math.sqrt(orders / scale) * z1) * 100.0) / 100.0);
            sampledRevenue = Math.max(0,
                revenue + Math.sqrt(orders * meanSquare / scale) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2));
          }
          rows.add(new Week(firstDay.plusWeeks(w), Markets.id(market), adv.id(), sampledOrders,
              Math.round(sampledRevenue * 100.0) / 100.0, orders, revenue, round2(spend), tOrders, tRevenue));
        }
      }
    }
    return rows;
  }

  /**
   * Expected totals over the history days in {@code from}..{@code to} with each channel's spend
   * scaled on those days (brand: spend; onsite: opportunity probabilities, capped like the
   * member-level days). Outside the history the window contributes nothing.
   */
  public Totals expected(LocalDate from, LocalDate to, Map<String, Double> multipliers) {
    SpendScenario scenario = SpendScenario.of(multipliers, from, to, channels);
    double[][][][] daily = expectedDaily(scenario);
    int nc = channels.size();
    double orders = 0;
    double revenue = 0;
    double[] spend = new double[nc];
    long lo = Math.max(0, from.toEpochDay() - firstDay.toEpochDay());
    long hi = Math.min(days - 1L, to.toEpochDay() - firstDay.toEpochDay());
    for (double[][][] byMarket : daily) {
      for (double[][] byDay : byMarket) {
        for (long d = lo; d <= hi; d++) {
          double[] v = byDay[(int) d];
          orders += v[0];
          revenue += v[1];
          for (int c = 0; c < nc; c++) {
            spend[c] += v[2 + c];
          }
        }
      }
    }
    return new Totals(orders, revenue, spend);
  }

  /**
   * [advertiser][market][day] → {orders, revenue, spend per channel, true orders per channel, true
   * revenue per channel}, expected values.
   */
  double[][][][] expectedDaily(SpendScenario scenario) {
    int nc = channels.size();
    int advertisers = world.advertisers.size();
    int m = markets.count;
    double[][][][] out = new double[advertisers][m][days][2 + 3 * nc];
    double webShare = world.config.web().purchaseShare();
    // Baseline and brand media: closed forms per market.
    IntStream.range(0, advertisers).parallel().forEach(a -> {
      Advertiser adv = world.advertisers.get(a);
      for (int market = 0; market < m; market++) {
        for (int d = 0; d < days; d++) {
          LocalDate day = firstDay.plusDays(d);
          double p0 = world.dayFactor(day) * adv.purchaseShare() * seasonality(market, day);
          double[] v = out[a][market][d];
          v[0] += p0 * (1 + webShare) * sumP[market];
          v[1] += p0 * (1 + webShare) * sumPV[market];
          for (int k = 0; k < BrandPlan.CHANNELS; k++) {
            if (world.brandPlan.buys[k][a]) {
              brand(k, a, market, d, day, scenario, p0 * (1 + webShare), v);
            }
          }
        }
      }
    });
    // Onsite programmes: the member-level expectation per member of the campaign's audience.
    List<Campaign> campaigns = world.campaigns;
    double[][][][] onsite = IntStream.range(0, campaigns.size()).parallel()
        .mapToObj(c -> onsite(campaigns.get(c), world.audiences.get(c), scenario))
        .toArray(double[][][][]::new);
    for (int c = 0; c < campaigns.size(); c++) {
      Campaign campaign = campaigns.get(c);
      int a = campaign.advertiser().index();
      int ch = channels.indexOf(campaign.channel());
      for (int market = 0; market < m; market++) {
        for (int d = 0; d < days; d++) {
          double[] v = out[a][market][d];
          double[] e = onsite[c][market][d];
          v[0] += e[1];
          v[1] += e[2];
          v[2 + ch] += e[0];
          v[2 + nc + ch] += e[1];
          v[2 + 2 * nc + ch] += e[2];
        }
      }
    }
    return out;
  }

  double seasonality(int market, LocalDate day) {
    return markets.seasonality(market, day.toEpochDay() - world.config.startDate().toEpochDay());
  }

  /** Market spend of brand channel k on history day index d under the scenario, with or without the geo tests. */
  private double brandSpend(int k, int a, int market, int d, SpendScenario scenario, boolean geoTests) {
    if (d < 0) {
      return 0;
    }
    double spend = Math.round(brandSpendPer10k[k][a][market][d] * membersInMarket[market] / 100.0) / 100.0;
    if (geoTests && k == BrandPlan.LINEAR_TV && geoTreated[a][market] && d >= geoTestFirstDay) {
      spend *= config.geoTestTvMultiplier();
    }
    return spend * scenario.multiplier(BrandPlan.channel(k), firstDay.toEpochDay() + d);
  }

  private void brand(int k, int a, int market, int d, LocalDate day, SpendScenario scenario, double p0, double[] v) {
    int nc = channels.size();
    int ch = channels.indexOf(BrandPlan.channel(k));
    double[] spendByLag = new double[world.brandPlan.maxLagDays + 1];
    for (int j = 0; j < spendByLag.length; j++) {
      spendByLag[j] = brandSpend(k, a, market, d - j, scenario, true);
    }
    v[2 + ch] += spendByLag[0];
    double[] effect = brandExpected(k, a, market, spendByLag, p0);
    v[0] += effect[0];
    v[1] += effect[1];
    v[2 + nc + ch] += effect[0];
    v[2 + 2 * nc + ch] += effect[1];
  }

  /**
   * Expected incremental {orders, revenue} of brand channel k of advertiser a in a market on a day
   * whose market spend j days ago is {@code spendByLag[j]}, with {@code p0} the day's purchase
   * probability per unit of propensity (web share included): the member-level rule of
   * {@link BrandDelivery} averaged over its exposure draws.
   */
  double[] brandExpected(int k, int a, int market, double[] spendByLag, double p0) {
    BrandPlan plan = world.brandPlan;
    double lambda = plan.adstockDecay[k][a];
    double kappa = plan.saturationK[k][a];
    double maxLift = plan.maxLift[k][a];
    double per10k = membersInMarket[market] / 10_000.0;
    if (k == BrandPlan.OOH) {
      double adstock = 0;
      for (int j = 0; j < spendByLag.length; j++) {
        adstock += StrictMath.pow(lambda, j) * spendByLag[j] / per10k;
      }
      double r = maxLift * -StrictMath.expm1(-adstock / kappa);
      return new double[] {p0 * sumP[market] * r, p0 * sumPV[market] * r};
    }
    if (k == BrandPlan.LINEAR_TV) {
      double none = 1.0;
      for (int j = 0; j < spendByLag.length; j++) {
        double spend = spendByLag[j];
        double q = spend > 0 ? plan.config[k].maxReach() * -StrictMath.expm1(-spend / per10k / plan.config[k].reachSpend()) : 0;
        none *= 1 - q + q * StrictMath.exp(-StrictMath.pow(lambda, j) / kappa);
      }
      return new double[] {p0 * sumP[market] * maxLift * (1 - none), p0 * sumPV[market] * maxLift * (1 - none)};
    }
    double costPerImpression = plan.config[k].cpm() / 1000.0;
    double none = 1.0;
    for (int j = 0; j < spendByLag.length; j++) {
      double impressions = spendByLag[j] / costPerImpression;
      double q = streamingTargets[market] == 0 ? 0 : Math.min(1.0, impressions / streamingTargets[market]);
      none *= 1 - q + q * StrictMath.exp(-StrictMath.pow(lambda, j) / kappa);
    }
    double orders = 0;
    double revenue = 0;
    double power = 1;
    for (int n = 0; n < streamingP[market].length; n++) {
      orders += p0 * streamingP[market][n] * maxLift * (1 - power);
      revenue += p0 * streamingPV[market][n] * maxLift * (1 - power);
      power *= none;
    }
    return new double[] {orders, revenue};
  }

  /**
   * [market][day] → {spend, incremental orders, incremental revenue} of one always-on campaign.
   *
   * <p>Member i's expected effect is {@code unit_i (1 − Π_j (1 − q_i x_{d−j} k_j))} with q_i its
   * opportunity probability, x the market's activity level and k_j = 1 − e^{−λ^j/κ}. While
   * q_i x stays under the opportunity cap, the product is a polynomial in q_i whose coefficients
   * depend on the day only, so the sum over members is exact from the moments Σ_i unit_i q_i^n
   * (n ≤ lags): O(days × lags²) per market instead of per member. Members whose q_i could reach
   * the cap are summed one by one.
   */
  double[][][] onsite(Campaign c, Audience audience, SpendScenario scenario) {
    int m = markets.count;
    double[][][] out = new double[m][days][3];
    int lags = world.config.lift().maxLagDays() + 1;
    double[] keep = new double[lags];
    for (int j = 0; j < lags; j++) {
      keep[j] = -StrictMath.expm1(-StrictMath.pow(c.adstockDecay(), j) / c.saturationK());
    }
    double cap = world.config.exposure().maxDailyOpportunity();
    double clickNormaliser = world.targeting.clickNormaliser();
    int campaignIndex = world.campaigns.indexOf(c);
    double[][] x = new double[m][days];
    double maxLevel = 0;
    for (int market = 0; market < m; market++) {
      for (int d = 0; d < days; d++) {
        x[market][d] = onsiteLevel[campaignIndex][market][d / 7] * scenario.multiplier(c.channel(), firstDay.toEpochDay() + d);
        maxLevel = Math.max(maxLevel, x[market][d]);
      }
    }
    Members members = world.members;
    // Moments per market: [n] Σ unit q^n (orders), Σ unit v q^n (revenue), and Σ cost q (spend).
    double[][] momentOrders = new double[m][lags + 1];
    double[][] momentRevenue = new double[m][lags + 1];
    double[] spendRate = new double[m];
    for (int j = 0; j < audience.size(); j++) {
      if (!audience.treated[j]) {
        continue;
      }
      int i = audience.member[j];
      int market = markets.marketOf[world.identities.householdOf[i]];
      double base = audience.opportunity[j];
      double cost = c.costPerClick()
          ? c.unitPrice() * world.targeting.click(c, members.logPropensity[i], clickNormaliser)
          : c.unitPrice() / 1000.0;
      double unit = c.relativeLift() * members.effectMultiplier[i] * members.propensity[i];
      double value = members.orderValue[i];
      if (base * maxLevel <= cap) {
        spendRate[market] += base * cost;
        double power = 1;
        for (int n = 0; n <= lags; n++) {
          momentOrders[market][n] += unit * power;
          momentRevenue[market][n] += unit * value * power;
          power *= base;
        }
        continue;
      }
      double[] xm = x[market];
      double[][] cell = out[market];
      for (int d = 0; d < days; d++) {
        double q = Math.min(cap, base * xm[d]);
        cell[d][0] += q * cost;
        double none = 1.0;
        for (int lag = 0; lag < lags && lag <= d; lag++) {
          none *= 1 - Math.min(cap, base * xm[d - lag]) * keep[lag];
        }
        cell[d][1] += unit * (1 - none);
        cell[d][2] += unit * value * (1 - none);
      }
    }
    double[] poly = new double[lags + 1];
    for (int market = 0; market < m; market++) {
      double[] xm = x[market];
      for (int d = 0; d < days; d++) {
        // Π_j (1 − a_j z) with a_j = x_{d−j} k_j, as coefficients of z^n.
        java.util.Arrays.fill(poly, 0);
        poly[0] = 1;
        int degree = 0;
        for (int lag = 0; lag < lags && lag <= d; lag++) {
          double a = xm[d - lag] * keep[lag];
          if (a == 0) {
            continue;
          }
          degree++;
          for (int n = degree; n >= 1; n--) {
            poly[n] -= a * poly[n - 1];
          }
        }
        double orders = 0;
        double revenue = 0;
        for (int n = 1; n <= degree; n++) {
          orders -= poly[n] * momentOrders[market][n];
          revenue -= poly[n] * momentRevenue[market][n];
        }
        double[] cell = out[market][d];
        cell[0] += xm[d] * spendRate[market];
        cell[1] += orders;
        cell[2] += revenue;
        LocalDate day = firstDay.plusDays(d);
        double p0 = world.dayFactor(day) * c.advertiser().purchaseShare() * seasonality(market, day);
        cell[1] *= p0;
        cell[2] *= p0;
      }
    }
    return out;
  }

  private static double[] round2(double[] values) {
    double[] out = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = Math.round(values[k] * 100.0) / 100.0;
    }
    return out;
  }
}
