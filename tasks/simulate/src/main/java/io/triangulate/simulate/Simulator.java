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
 * <p>Per day it writes to the landing folder {@code ad_events.csv} and {@code transactions.csv};
 * on the first day also the dimension files; on a campaign's start day its
 * {@code experiment_assignments.csv} rows. To the truth folder it writes {@code campaign_truth.csv}
 * (one row per campaign whose flight or adstock tail covers the day) and, on the first day,
 * {@code campaign_params.csv}. Files are replaced atomically; a simulator file that belongs to
 * another day (e.g. left by a run with another seed) is removed.
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

  public Simulator(SimulationConfig config) {
    this.config = config;
    this.world = World.build(config);
    this.delivery = new AdDelivery(world);
    this.purchases = new Purchases(world);
    this.dimensions = new DimensionRows(world);
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

    List<CampaignDay> campaignDays = simulateCampaigns(ds);
    List<Purchases.Day> purchaseDays = simulatePurchases(ds, campaignDays);

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
    write(truthDir, OutputFile.CAMPAIGN_TRUTH, out -> truthRows(out, ds, campaignDays), rows, written);

    removeStale(landingDir, truthDir, written);
    return new DayResult(ds, rows);
  }

  private List<CampaignDay> simulateCampaigns(LocalDate ds) {
    List<Campaign> active = world.campaigns.stream().filter(c -> delivery.active(c, ds)).toList();
    return IntStream.range(0, active.size())
        .parallel()
        .mapToObj(k -> delivery.simulate(active.get(k), world.audiences.get(active.get(k).index()), ds))
        .toList();
  }

  /** Sums campaigns' effects per advertiser (in campaign order, so sums are reproducible) and draws orders. */
  private List<Purchases.Day> simulatePurchases(LocalDate ds, List<CampaignDay> campaignDays) {
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
    return IntStream.range(0, world.advertisers.size())
        .parallel()
        .mapToObj(a -> purchases.simulate(world.advertisers.get(a), effects[a], ds))
        .toList();
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
