package io.triangulate.simulate;

import io.triangulate.simulate.config.BrandChannelConfig;
import io.triangulate.simulate.config.BrandMediaConfig;
import java.util.List;

/**
 * Which advertisers buy which brand channel, at what daily spend, and how each channel works for
 * each advertiser (its true adstock decay, saturation and peak lift, jittered per advertiser like
 * campaigns' parameters). Spend varies by week (flights on and off, levels drawn per week) with a
 * little daily noise, drawn independently per channel and advertiser so that a mix model can tell
 * the channels apart.
 *
 * <p>Indexes: channel k is {@code Segments.BRAND_CHANNELS.get(k)}; spend is per day of the period.
 */
final class BrandPlan {

  static final int LINEAR_TV = 0;
  static final int STREAMING = 1;
  static final int OOH = 2;
  static final int CHANNELS = 3;

  private static final double MEMBERS_PER_SPEND_UNIT = 10_000.0;

  final BrandChannelConfig[] config = new BrandChannelConfig[CHANNELS];
  final boolean[][] buys;
  /** Planned spend [channel][advertiser][day index], rounded to cents; for streaming the budget behind its impressions. */
  final double[][][] plannedSpend;
  final double[][] adstockDecay;
  final double[][] saturationK;
  final double[][] maxLift;
  /** members / 10,000: config spends are per 10,000 members. */
  final double spendScale;
  final int maxLagDays;

  BrandPlan(SimulationConfig world) {
    BrandMediaConfig media = world.brandMedia();
    config[LINEAR_TV] = media.linearTv();
    config[STREAMING] = media.streaming();
    config[OOH] = media.ooh();
    maxLagDays = media.maxLagDays();
    spendScale = world.members() / MEMBERS_PER_SPEND_UNIT;
    int advertisers = world.advertisers();
    buys = new boolean[CHANNELS][advertisers];
    plannedSpend = new double[CHANNELS][advertisers][];
    adstockDecay = new double[CHANNELS][advertisers];
    saturationK = new double[CHANNELS][advertisers];
    maxLift = new double[CHANNELS][advertisers];
    long key = Draws.key(world.seed(), Draws.BRAND_PLAN);
    double jitter = world.exposure().paramJitter();
    for (int k = 0; k < CHANNELS; k++) {
      BrandChannelConfig ch = config[k];
      long channelKey = Draws.then(key, k);
      // Exactly round(share × advertisers) buyers, by a seeded shuffle: with six advertisers,
      // independent coin flips could leave a channel out of the demo.
      int buyers = (int) Math.round(ch.advertiserShare() * advertisers);
      int[] order = CampaignPlanner.shuffledIndexes(advertisers, Draws.then(channelKey, -1));
      for (int b = 0; b < buyers; b++) {
        buys[k][order[b]] = true;
      }
      for (int a = 0; a < advertisers; a++) {
        long h = Draws.then(channelKey, a);
        adstockDecay[k][a] = rounded(Math.min(0.95, ch.adstockDecay() * jittered(h, 0, jitter)));
        saturationK[k][a] = rounded(ch.saturationK() * jittered(h, 1, jitter));
        maxLift[k][a] = buys[k][a] ? rounded(ch.maxRelativeLift() * jittered(h, 2, jitter)) : 0.0;
        plannedSpend[k][a] = dailySpend(ch, buys[k][a], h, world.days());
      }
    }
  }

  private double[] dailySpend(BrandChannelConfig ch, boolean bought, long h, int days) {
    double[] spend = new double[days];
    if (!bought) {
      return spend;
    }
    for (int d = 0; d < days; d++) {
      long week = Draws.then(h, 1_000 + d / 7);
      if (Draws.uniform(Draws.then(week, 0)) >= ch.weeksOnShare()) {
        continue;
      }
      double level = ch.dailySpendMin() + Draws.uniform(Draws.then(week, 1)) * (ch.dailySpendMax() - ch.dailySpendMin());
      double daily = level * (0.85 + 0.3 * Draws.uniform(Draws.then(h, 100_000 + d)));
      spend[d] = Math.round(daily * spendScale * 100.0) / 100.0;
    }
    return spend;
  }

  boolean buysAny(int advertiser) {
    for (int k = 0; k < CHANNELS; k++) {
      if (buys[k][advertiser]) {
        return true;
      }
    }
    return false;
  }

  /** Planned spend of {@code channel} by {@code advertiser} on day index {@code d}; 0 outside the period. */
  double spend(int channel, int advertiser, long d) {
    double[] series = plannedSpend[channel][advertiser];
    return d < 0 || d >= series.length ? 0.0 : series[(int) d];
  }

  /** Linear TV: share of households reached on a day of {@code spend}. */
  double reach(double spend) {
    BrandChannelConfig tv = config[LINEAR_TV];
    return tv.maxReach() * -StrictMath.expm1(-spend / spendScale / tv.reachSpend());
  }

  static String channel(int k) {
    return Segments.BRAND_CHANNELS.get(k);
  }

  static List<String> channels() {
    return Segments.BRAND_CHANNELS;
  }

  /** Parameters are kept to 4 decimals so channel_params.csv records exactly what was used. */
  private static double rounded(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }

  private static double jittered(long h, int which, double jitter) {
    return 1.0 + jitter * (2.0 * Draws.uniform(Draws.then(h, which)) - 1.0);
  }
}
