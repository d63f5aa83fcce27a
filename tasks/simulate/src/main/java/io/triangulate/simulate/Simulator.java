package io.triangulate.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Generates the simulated world one day at a time. Any day can be generated alone and gives the
 * same bytes as in a full run: the world (members, campaigns, audiences) is rebuilt from the
 * config, and every random draw is a hash of (seed, purpose, entity, day).
 *
 * <p>Per day it writes to the landing folder {@code ad_events.csv}, {@code transactions.csv} and
 * the cross-platform files ({@code identity_links.csv}, {@code channel_spend.csv},
 * {@code tv_airings.csv}, {@code streaming_impressions.csv}, {@code web_visits.csv},
 * {@code web_purchases.csv}); on the first day also the dimension files and the pre-history's
 * {@code transactions_history.csv}; on a campaign's start day
 * its {@code experiment_assignments.csv} rows. To the truth folder it writes
 * {@code campaign_truth.csv} (one row per campaign whose flight or adstock tail covers the day) and
 * {@code channel_daily.csv} (per advertiser and channel with activity) and, on the first day,
 * {@code campaign_params.csv}, {@code channel_params.csv} and {@code identity.csv}. Files are replaced atomically; a simulator file that belongs to
 * another day (e.g. left by a run with another seed) is removed.
 *
 * <p>A member's purchase probability adds every effect: p = p0 × (1 + Σ r_campaigns + Σ r_brand) on
 * the platform and p_web = share × p0 × (1 + Σ r_brand) on the brand site, so each campaign's and
 * each brand channel's recorded truth is exactly its own Σ p0 × r.
 *
 * <p>Campaigns and advertisers are simulated in parallel and merged in a fixed order, so the
 * output does not depend on thread scheduling. Instances are safe to use from one thread at a time.
 */
public final class Simulator {

  private final SimulationConfig config;
  private final World world;
  private final AdDelivery delivery;
  private final Purchases purchases;
  private final DimensionRows dimensions;
  private final BrandDelivery brand;
  private final WebActivity web;
  private final IdentityRows identityRows;
  private final ChannelTruth channelTruth;

  public Simulator(SimulationConfig config) {
    this.config = config;
    this.world = World.build(config);
    this.delivery = new AdDelivery(world);
    this.purchases = new Purchases(world);
    this.dimensions = new DimensionRows(world);
    this.brand = new BrandDelivery(world);
    this.web = new WebActivity(world);
    this.identityRows = new IdentityRows(world);
    this.channelTruth = new ChannelTruth(world);
  }

  public SimulationConfig config() {
    return config;
  }

  /** Every day of the configured period, in order. */
  public List<LocalDate> days() {
    return config.startDate().datesUntil(config.endDate().plusDays(1)).toList();
  }

  World world() {
    return world;
  }

  private MarketHistory history;
  private io.triangulate.simulate.config.MarketHistoryConfig historyConfig;

  /**
   * The aggregate market × week history before the period (see {@link MarketHistory}), built once
   * per configuration and reused: the closed loop asks it for several scenarios.
   */
  public synchronized MarketHistory marketHistory(io.triangulate.simulate.config.MarketHistoryConfig config) {
    if (history == null || !config.equals(historyConfig)) {
      history = new MarketHistory(world, config);
      historyConfig = config;
    }
    return history;
  }

  /**
   * The closed loop for budget tests: the expected outcome of the period {@code from}..{@code to}
   * if each channel's spend were multiplied by {@code spendMultiplierByChannel} (a missing channel
   * keeps 1.0). Pure and deterministic: no files, no purchase sampling.
   *
   * <p>Onsite channels ({@code onsite_search}, {@code onsite_display}, {@code offsite_social},
   * {@code ctv_streaming}, {@code email}) scale their campaigns' daily ad-opportunity rate (capped at
   * {@code exposure.max_daily_opportunity}, so spend grows less than the multiplier near the cap);
   * brand channels ({@code linear_tv}, {@code streaming}, {@code ooh}) scale their daily spend. The
   * multiplier applies to the days of the period only: exposures before {@code from} keep their
   * actual level and still carry over into it, and carry-over after {@code to} is not counted.
   * Exposures are the same hash draws as in the generated files (common random numbers), so two
   * scenarios differ only by what the multipliers change. With every multiplier 1.0, orders and
   * revenue are the baseline plus the truth's incremental orders and revenue of every channel, and
   * the spend is the truth's spend.
   *
   * @param spendMultiplierByChannel channel → multiplier ≥ 0
   * @throws IllegalArgumentException for an unknown channel, a negative or non-finite multiplier,
   *     or days outside the configured period
   */
  public ExpectedOutcome expectedOutcome(LocalDate from, LocalDate to, Map<String, Double> spendMultiplierByChannel) {
    if (from.isAfter(to) || from.isBefore(config.startDate()) || to.isAfter(config.endDate())) {
      throw new IllegalArgumentException("period " + from + " to " + to + " must be ordered and inside the simulated period "
          + config.startDate() + " to " + config.endDate());
    }
    List<String> channels = new ArrayList<>(config.channels().keySet());
    channels.addAll(Segments.BRAND_CHANNELS);
    SpendScenario scenario = SpendScenario.of(spendMultiplierByChannel, from, to, channels);
    Map<String, Double> spend = new LinkedHashMap<>();
    channels.forEach(channel -> spend.put(channel, 0.0));
    double orders = 0;
    double revenue = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      List<CampaignDay> campaignDays = simulateCampaigns(day, scenario, false);
      List<BrandDelivery.Day> brandDays = simulateBrand(day, scenario, false);
      for (CampaignDay c : campaignDays) {
        spend.merge(c.campaign().channel(), c.spend(), Double::sum);
      }
      for (BrandDelivery.Day b : brandDays) {
        for (int k = 0; k < BrandPlan.CHANNELS; k++) {
          spend.merge(BrandPlan.channel(k), b.spend()[k], Double::sum);
        }
      }
      double[][] effects = purchaseEffects(campaignDays, brandDays);
      LocalDate d = day;
      double[][] expected = IntStream.range(0, world.advertisers.size())
          .parallel()
          .mapToObj(a -> expectedOrders(world.advertisers.get(a), effects[a], brandDays.get(a).effect(), d))
          .toArray(double[][]::new);
      for (double[] e : expected) {
        orders += e[0];
        revenue += e[1];
      }
    }
    return new ExpectedOutcome(from, to, orders, revenue, spend);
  }

  /** {expected orders, expected revenue} of one advertiser-day: platform transactions plus web purchases. */
  private double[] expectedOrders(Advertiser advertiser, double[] allEffects, double[] brandEffects, LocalDate day) {
    Members members = world.members;
    double baseline = world.dayFactor(day) * advertiser.purchaseShare();
    double webShare = config.web().purchaseShare();
    double orders = 0;
    double revenue = 0;
    for (int i = 0; i < members.count; i++) {
      double platform = 1.0 + (allEffects == null ? 0.0 : allEffects[i]);
      double web = webShare * (1.0 + (brandEffects == null ? 0.0 : brandEffects[i]));
      double p = baseline * members.propensity[i] * (platform + web);
      orders += p;
      revenue += p * members.orderValue[i];
    }
    return new double[] {orders, revenue};
  }

  /**
   * Writes {@code ds}'s landing files into {@code landingDir} and truth files into
   * {@code truthDir} (both created if needed).
   *
   * @throws IllegalArgumentException if {@code ds} is outside the configured period
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public DayResult generateDay(LocalDate ds, Path landingDir, Path truthDir) {
    if (ds.isBefore(config.startDate()) || ds.isAfter(config.endDate())) {
      throw new IllegalArgumentException(
          "day " + ds + " is outside the simulated period " + config.startDate() + " to " + config.endDate());
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    Set<OutputFile> written = EnumSet.noneOf(OutputFile.class);

    if (ds.equals(config.startDate())) {
      write(landingDir, OutputFile.ADVERTISERS, dimensions::advertisers, rows, written);
      write(landingDir, OutputFile.CAMPAIGNS, dimensions::campaigns, rows, written);
      write(landingDir, OutputFile.CREATIVES, dimensions::creatives, rows, written);
      write(landingDir, OutputFile.MEMBERS, dimensions::members, rows, written);
      write(truthDir, OutputFile.CAMPAIGN_PARAMS, dimensions::campaignParams, rows, written);
      write(truthDir, OutputFile.CHANNEL_PARAMS, channelTruth::params, rows, written);
      write(truthDir, OutputFile.IDENTITY, identityRows::truth, rows, written);
      if (config.baseline().preHistoryDays() > 0) {
        write(landingDir, OutputFile.TRANSACTIONS_HISTORY, out -> preHistory(out), rows, written);
      }
    }
    List<Integer> starting = new ArrayList<>();
    for (Campaign c : world.campaigns) {
      if (c.startDate().equals(ds)) {
        starting.add(c.index());
      }
    }
    if (!starting.isEmpty()) {
      write(landingDir, OutputFile.EXPERIMENT_ASSIGNMENTS, out -> dimensions.assignments(out, starting, ds), rows, written);
    }
    write(landingDir, OutputFile.IDENTITY_LINKS, out -> identityRows.links(out, ds), rows, written);

    List<CampaignDay> campaignDays = simulateCampaigns(ds, SpendScenario.ACTUAL, true);
    List<BrandDelivery.Day> brandDays = simulateBrand(ds, SpendScenario.ACTUAL, true);
    double[][] effects = purchaseEffects(campaignDays, brandDays);
    List<Purchases.Day> purchaseDays = IntStream.range(0, world.advertisers.size())
        .parallel()
        .mapToObj(a -> purchases.simulate(world.advertisers.get(a), effects[a], ds))
        .toList();
    List<WebActivity.Day> webDays = IntStream.range(0, world.advertisers.size())
        .parallel()
        .mapToObj(a -> web.simulate(world.advertisers.get(a), brandDays.get(a), campaignDays, ds))
        .toList();

    write(landingDir, OutputFile.AD_EVENTS, out -> {
      long n = 0;
      for (CampaignDay day : campaignDays) {
        out.append(day.events());
        n += day.eventRows();
      }
      return n;
    }, rows, written);
    write(landingDir, OutputFile.TRANSACTIONS, out -> {
      long n = 0;
      for (Purchases.Day day : purchaseDays) {
        out.append(day.rows());
        n += day.orders();
      }
      return n;
    }, rows, written);
    write(landingDir, OutputFile.CHANNEL_SPEND, out -> channelTruth.spendRows(out, ds, brandDays), rows, written);
    write(landingDir, OutputFile.TV_AIRINGS, out -> {
      long n = 0;
      for (BrandDelivery.Day day : brandDays) {
        out.append(day.tvRows());
        n += day.tvRowCount();
      }
      return n;
    }, rows, written);
    write(landingDir, OutputFile.STREAMING_IMPRESSIONS, out -> {
      long n = 0;
      for (BrandDelivery.Day day : brandDays) {
        out.append(day.streamingRows());
        n += day.streamingRowCount();
      }
      return n;
    }, rows, written);
    write(landingDir, OutputFile.WEB_VISITS, out -> {
      long n = 0;
      for (WebActivity.Day day : webDays) {
        out.append(day.visits());
        n += day.visitCount();
      }
      return n;
    }, rows, written);
    write(landingDir, OutputFile.WEB_PURCHASES, out -> {
      long n = 0;
      for (WebActivity.Day day : webDays) {
        out.append(day.purchases());
        n += day.purchaseCount();
      }
      return n;
    }, rows, written);
    write(truthDir, OutputFile.CAMPAIGN_TRUTH, out -> truthRows(out, ds, campaignDays), rows, written);
    write(truthDir, OutputFile.CHANNEL_DAILY, out -> channelTruth.dailyRows(out, ds, campaignDays, brandDays), rows, written);

    removeStale(landingDir, truthDir, written);
    return new DayResult(ds, rows);
  }

  /**
   * The baseline orders of the {@code baseline.pre_history_days} before the start date, oldest day
   * first: the same purchase model with no campaign or brand effect (none runs before the start).
   * Draws are keyed by the order's own day, as for any other day.
   */
  private long preHistory(Writer out) throws IOException {
    long n = 0;
    LocalDate first = config.startDate().minusDays(config.baseline().preHistoryDays());
    for (LocalDate day = first; day.isBefore(config.startDate()); day = day.plusDays(1)) {
      LocalDate d = day;
      List<Purchases.Day> days = IntStream.range(0, world.advertisers.size())
          .parallel()
          .mapToObj(a -> purchases.simulate(world.advertisers.get(a), null, d))
          .toList();
      for (Purchases.Day p : days) {
        out.append(p.rows());
        n += p.orders();
      }
    }
    return n;
  }

  private List<CampaignDay> simulateCampaigns(LocalDate ds, SpendScenario scenario, boolean withRows) {
    List<Campaign> active = world.campaigns.stream().filter(c -> delivery.active(c, ds)).toList();
    return IntStream.range(0, active.size())
        .parallel()
        .mapToObj(k -> delivery.simulate(active.get(k), world.audiences.get(active.get(k).index()), ds, scenario, withRows))
        .toList();
  }

  /** One brand-media day per advertiser, in advertiser order (advertisers that buy nothing included). */
  private List<BrandDelivery.Day> simulateBrand(LocalDate ds, SpendScenario scenario, boolean withRows) {
    return IntStream.range(0, world.advertisers.size())
        .parallel()
        .mapToObj(a -> brand.simulate(world.advertisers.get(a), ds, scenario, withRows))
        .toList();
  }

  /**
   * Σ r per advertiser and member over its campaigns (in campaign order, so sums are reproducible)
   * plus its brand channels: p = p0 × (1 + Σ r). Null for an advertiser with no effect today.
   */
  private double[][] purchaseEffects(List<CampaignDay> campaignDays, List<BrandDelivery.Day> brandDays) {
    double[][] effects = new double[world.advertisers.size()][];
    for (CampaignDay day : campaignDays) {
      if (day.effectCount() == 0) {
        continue;
      }
      int a = day.campaign().advertiser().index();
      if (effects[a] == null) {
        effects[a] = new double[world.members.count];
      }
      for (int k = 0; k < day.effectCount(); k++) {
        effects[a][day.effectMembers()[k]] += day.effects()[k];
      }
    }
    for (BrandDelivery.Day day : brandDays) {
      double[] brandEffect = day.effect();
      if (brandEffect == null) {
        continue;
      }
      int a = day.advertiser().index();
      if (effects[a] == null) {
        effects[a] = brandEffect.clone();
        continue;
      }
      for (int i = 0; i < brandEffect.length; i++) {
        effects[a][i] += brandEffect[i];
      }
    }
    return effects;
  }

  private static long truthRows(Writer out, LocalDate ds, List<CampaignDay> campaignDays) throws IOException {
    StringBuilder sb = new StringBuilder();
    long n = 0;
    for (CampaignDay day : campaignDays) {
      sb.append(ds).append(',').append(day.campaign().id()).append(',');
      Csv.fixed(sb, day.trueOrders(), 6);
      sb.append(',');
      Csv.fixed(sb, day.trueRevenue(), 6);
      sb.append('\n');
      n++;
    }
    out.append(sb);
    return n;
  }

  private interface RowWriter {
    long write(Writer out) throws IOException;
  }

  private static void write(Path dir, OutputFile file, RowWriter body, Map<String, Long> rows, Set<OutputFile> written) {
    long[] count = new long[1];
    AtomicFiles.write(dir.resolve(file.fileName()), out -> {
      out.append(file.headerLine());
      count[0] = body.write(out);
    });
    rows.put(file.fileName(), count[0]);
    written.add(file);
  }

  /** Simulator files in today's folders that today's generation did not write come from another run. */
  private static void removeStale(Path landingDir, Path truthDir, Set<OutputFile> written) {
    for (OutputFile file : OutputFile.values()) {
      if (!written.contains(file)) {
        AtomicFiles.deleteIfExists((file.landing() ? landingDir : truthDir).resolve(file.fileName()));
      }
    }
  }
}
