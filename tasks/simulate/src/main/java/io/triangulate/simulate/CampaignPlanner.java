package io.triangulate.simulate;

import io.triangulate.simulate.config.ChannelConfig;
import io.triangulate.simulate.config.LiftRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the advertisers and campaigns of a world: channels round-robin in config order,
 * advertisers round-robin, lift kinds shuffled, flights staggered over the period and ending by
 * its last day. Budgets are set later, once the audiences are known.
 */
final class CampaignPlanner {

  private final SimulationConfig config;

  CampaignPlanner(SimulationConfig config) {
    this.config = config;
  }

  List<Advertiser> advertisers() {
    long key = Draws.key(config.seed(), Draws.ADVERTISER);
    double min = config.baseline().advertiserShareMin();
    double max = config.baseline().advertiserShareMax();
    List<Advertiser> result = new ArrayList<>();
    for (int a = 0; a < config.advertisers(); a++) {
      Catalog.Brand brand = Catalog.BRANDS.get(a % Catalog.BRANDS.size());
      int round = a / Catalog.BRANDS.size();
      String name = round == 0 ? brand.name() : brand.name() + " " + (round + 1);
      double share = min + Draws.uniform(Draws.then(key, a)) * (max - min);
      result.add(new Advertiser(a, Ids.advertiser(a, config.advertisers()), name, brand.category(), brand.product(), share));
    }
    return result;
  }

  List<Campaign> campaigns(List<Advertiser> advertisers) {
    List<String> channels = new ArrayList<>(config.channels().keySet());
    List<String> kinds = liftKinds();
    int[] flightSlots = shuffledIndexes(config.campaigns(), Draws.key(config.seed(), Draws.FLIGHT_SLOTS));
    long key = Draws.key(config.seed(), Draws.CAMPAIGN);
    int[] creativeCounts = new int[config.campaigns()];
    int totalCreatives = 0;
    for (int c = 0; c < config.campaigns(); c++) {
      creativeCounts[c] = 2 + Draws.below(Draws.then(Draws.then(key, c), 8), 2);
      totalCreatives += creativeCounts[c];
    }
    boolean[] nameMissing = missingNames(totalCreatives);
    int firstCreative = 0;
    List<Campaign> result = new ArrayList<>();
    for (int c = 0; c < config.campaigns(); c++) {
      long h = Draws.then(key, c);
      String id = Ids.campaign(c, config.campaigns());
      String channel = channels.get(c % channels.size());
      ChannelConfig ch = config.channels().get(channel);
      Advertiser advertiser = advertisers.get(c % advertisers.size());
      String kind = kinds.get(c);
      LiftRange range = config.lift().of(kind);
      double lift = rounded(range.min() + Draws.uniform(Draws.then(h, 0)) * (range.max() - range.min()));

      int span = config.flights().maxDays() - config.flights().minDays() + 1;
      int length = Math.min(config.days(), config.flights().minDays() + Draws.below(Draws.then(h, 1), span));
      // Stratified start: campaign in slot s starts in the s-th fraction of the feasible range.
      double position = (flightSlots[c] + Draws.uniform(Draws.then(h, 2))) / config.campaigns();
      int latestStart = config.days() - length;
      int offset = Math.min(latestStart, (int) (position * (latestStart + 1)));
      LocalDate start = config.startDate().plusDays(offset);
      LocalDate end = start.plusDays(length - 1L);

      double price = ch.unitPriceMin() + Draws.uniform(Draws.then(h, 3)) * (ch.unitPriceMax() - ch.unitPriceMin());
      price = Math.round(price * 100.0) / 100.0;
      double decay = rounded(Math.min(0.95, ch.adstockDecay() * jitter(h, 4)));
      double saturation = rounded(ch.saturationK() * jitter(h, 5));
      double bias = rounded(ch.targetingBias() * jitter(h, 6));
      String theme = Catalog.THEMES.get(Draws.below(Draws.then(h, 7), Catalog.THEMES.size()));
      String name = advertiser.name() + " · " + Catalog.channelLabel(channel) + " · " + theme;
      List<Creative> creatives = creatives(c, id, advertiser, ch, theme, creativeCounts[c], nameMissing, firstCreative);
      firstCreative += creativeCounts[c];
      result.add(
          new Campaign(c, id, advertiser, name, channel, ch, price, start, end, config.holdoutShare(id), kind, lift,
              decay, saturation, bias, creatives, 0.0));
    }
    return result;
  }

  /** True parameters are kept to 4 decimals so campaign_params.csv records exactly what was used. */
  private static double rounded(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }

  private double jitter(long h, int which) {
    return 1.0 + config.exposure().paramJitter() * (2.0 * Draws.uniform(Draws.then(h, which)) - 1.0);
  }

  /** Kinds in config order, by count, then shuffled so kinds do not line up with channels. */
  private List<String> liftKinds() {
    List<String> kinds = new ArrayList<>();
    for (String kind : Segments.LIFT_KINDS) {
      for (int k = 0; k < config.lift().of(kind).count(); k++) {
        kinds.add(kind);
      }
    }
    int[] order = shuffledIndexes(kinds.size(), Draws.key(config.seed(), Draws.LIFT_KINDS));
    List<String> shuffled = new ArrayList<>();
    for (int index : order) {
      shuffled.add(kinds.get(index));
    }
    return shuffled;
  }

  /**
   * Exactly round(rate × creatives) names go missing, chosen by a seeded shuffle: with only a few
   * dozen creatives, independent coin flips could leave the trap out of the demo altogether.
   */
  private boolean[] missingNames(int totalCreatives) {
    int missing = (int) Math.round(config.dataQuality().missingCreativeNameRate() * totalCreatives);
    int[] order = shuffledIndexes(totalCreatives, Draws.then(Draws.key(config.seed(), Draws.CREATIVE), -1));
    boolean[] result = new boolean[totalCreatives];
    for (int k = 0; k < missing; k++) {
      result[order[k]] = true;
    }
    return result;
  }

  private List<Creative> creatives(
      int c, String campaignId, Advertiser advertiser, ChannelConfig ch, String theme, int count, boolean[] nameMissing, int first) {
    long key = Draws.then(Draws.key(config.seed(), Draws.CREATIVE), c);
    List<Creative> result = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      long h = Draws.then(key, k);
      String format = ch.formats().get(k % ch.formats().size());
      String name = nameMissing[first + k] ? "" : theme + " " + format.replace('_', ' ') + " v" + (k + 1);
      String template = Catalog.HEADLINES.get(Draws.below(Draws.then(h, 1), Catalog.HEADLINES.size()));
      String headline = capitalised(template.replace("%s", advertiser.product()));
      String tags =
          Catalog.PRIMARY_TAGS.get(Draws.below(Draws.then(h, 2), Catalog.PRIMARY_TAGS.size()))
              + "|" + Catalog.SECONDARY_TAGS.get(Draws.below(Draws.then(h, 3), Catalog.SECONDARY_TAGS.size()));
      result.add(new Creative(Ids.creative(c, config.campaigns(), k), campaignId, name, format, headline, tags));
    }
    return List.copyOf(result);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** 0..n-1 in a seeded Fisher–Yates order. */
  static int[] shuffledIndexes(int n, long key) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = Draws.below(Draws.then(key, k), k + 1);
      int tmp = order[k];
      order[k] = order[j];
      order[j] = tmp;
    }
    return order;
  }
}
