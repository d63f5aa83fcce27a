package io.triangulate.simulate;

import io.triangulate.simulate.config.IdentityConfig;
import io.triangulate.simulate.config.WebConfig;
import java.time.LocalDate;
import java.util.List;

/**
 * Simulates one advertiser's own web site on one day: orders placed there and visits, both by
 * cookie.
 *
 * <p>Web purchases are one Bernoulli per member with {@code p = share × p0 × (1 + Σ r_brand)}:
 * brand media lift them, platform campaigns do not. Visits follow intent (probability grows with
 * propensity), exposure (higher while TV or streaming affect the member), platform-campaign clicks
 * (a visit with the campaign's id) and purchases (most web orders have a visit that day), but they
 * cause nothing: they are drawn after the purchases, which never look at them. That is the trap
 * click- and visit-based attribution falls into.
 */
final class WebActivity {

  /** One advertiser-day of web_visits and web_purchases rows (no headers). */
  record Day(StringBuilder visits, long visitCount, StringBuilder purchases, long purchaseCount) {}

  private static final int SECONDS_PER_DAY = 86_400;
  private static final List<String> SOURCES = List.of("direct", "organic", "search", "social", "email", "display", "streaming");
  private static final double[] SOURCE_CUMULATIVE = {0.35, 0.65, 0.80, 0.90, 0.95, 0.99, 1.0};

  private final World world;
  private final WebConfig web;
  private final IdentityConfig identity;
  private final long visitKey;
  private final long purchaseKey;
  private final long clickVisitKey;
  /** visit_rate × propensity^elasticity, capped at 1. */
  private final double[] visitBase;

  WebActivity(World world) {
    this.world = world;
    this.web = world.config.web();
    this.identity = world.config.identity();
    this.visitKey = Draws.key(world.config.seed(), Draws.WEB_VISIT);
    this.purchaseKey = Draws.key(world.config.seed(), Draws.WEB_PURCHASE);
    this.clickVisitKey = Draws.key(world.config.seed(), Draws.CLICK_VISIT);
    Members members = world.members;
    visitBase = new double[members.count];
    for (int i = 0; i < members.count; i++) {
      visitBase[i] = Math.min(1.0, web.visitRate() * StrictMath.exp(web.visitIntentElasticity() * members.logPropensity[i]));
    }
  }

  /**
   * @param brand the advertiser's brand-media day (effects and who was personally exposed)
   * @param campaignDays today's campaign days; only this advertiser's clicks are used
   */
  Day simulate(Advertiser advertiser, BrandDelivery.Day brand, List<CampaignDay> campaignDays, LocalDate day) {
    Members members = world.members;
    Identities ids = world.identities;
    double[] effect = brand.effect();
    boolean[] exposed = brand.personallyExposed();
    double p0Scale = world.dayFactor(day) * advertiser.purchaseShare() * web.purchaseShare();
    double boost = 1.0 + web.exposedVisitBoost();
    long today = day.toEpochDay();
    long purchaseDayKey = Draws.then(Draws.then(purchaseKey, advertiser.index()), today);
    long visitDayKey = Draws.then(Draws.then(visitKey, advertiser.index()), today);
    String compact = AdDelivery.compact(day);
    String visitPrefix = "V" + compact + "-" + advertiser.id() + "-";
    String purchasePrefix = "W" + compact + "-" + advertiser.id() + "-";
    String dayPrefix = day + "T";
    StringBuilder visits = new StringBuilder(1 << 12);
    StringBuilder purchases = new StringBuilder(1 << 10);
    long visitCount = 0;
    long purchaseCount = 0;

    for (int i = 0; i < members.count; i++) {
      double p = p0Scale * members.propensity[i] * (effect == null ? 1.0 : 1.0 + effect[i]);
      long hp = Draws.then(purchaseDayKey, i);
      boolean purchased = Draws.uniform(hp) < p;
      int purchaseSecond = -1;
      int cookie = -1;
      if (purchased) {
        purchaseCount++;
        purchaseSecond = Draws.below(Draws.then(hp, 1), SECONDS_PER_DAY);
        cookie = cookieOf(i, Draws.then(hp, 3));
        double revenue = Math.round(
            members.orderValue[i] * Draws.meanOneLognormal(Draws.then(hp, 2), world.config.orders().orderNoiseSigma()) * 100.0)
            / 100.0;
        boolean loggedIn = Draws.uniform(Draws.then(hp, 4)) < web.loginShare();
        purchases.append(purchasePrefix);
        Csv.padded(purchases, purchaseCount, 6);
        purchases.append(',');
        Csv.timestamp(purchases, dayPrefix, purchaseSecond);
        purchases.append(',');
        appendCookie(purchases, cookie, Draws.then(hp, 5));
        purchases.append(',');
        if (loggedIn) {
          Ids.append(purchases, 'M', i);
        }
        purchases.append(',').append(advertiser.id()).append(',');
        Csv.fixed(purchases, revenue, 2);
        purchases.append('\n');
      }

      double v = visitBase[i];
      if (exposed != null && exposed[i]) {
        v = Math.min(1.0, v * boost);
      }
      long hv = Draws.then(visitDayKey, i);
      boolean visit = Draws.uniform(hv) < v || (purchased && Draws.uniform(Draws.then(hv, 1)) < web.purchaseVisitShare());
      if (!visit) {
        continue;
      }
      visitCount++;
      int second = purchased
          ? Math.max(0, purchaseSecond - 1 - Draws.below(Draws.then(hv, 2), 3_600))
          : Draws.below(Draws.then(hv, 2), SECONDS_PER_DAY);
      if (cookie < 0) {
        cookie = cookieOf(i, Draws.then(hv, 4));
      }
      String source = SOURCES.get(pick(Draws.uniform(Draws.then(hv, 3))));
      appendVisit(visits, visitPrefix, visitCount, cookie, Draws.then(hv, 5), dayPrefix, second, advertiser, source, null);
    }

    for (CampaignDay campaignDay : campaignDays) {
      Campaign c = campaignDay.campaign();
      if (c.advertiser().index() != advertiser.index()) {
        continue;
      }
      long campaignKey = Draws.then(Draws.then(clickVisitKey, c.index()), today);
      String source = trafficSource(c.channel());
      for (int k = 0; k < campaignDay.clickMembers().length; k++) {
        int i = campaignDay.clickMembers()[k];
        long h = Draws.then(campaignKey, i);
        if (Draws.uniform(h) >= web.clickVisitShare()) {
          continue;
        }
        visitCount++;
        int second = Math.min(SECONDS_PER_DAY - 1, campaignDay.clickSeconds()[k] + 1 + Draws.below(Draws.then(h, 1), 60));
        appendVisit(visits, visitPrefix, visitCount, cookieOf(i, Draws.then(h, 2)), Draws.then(h, 3), dayPrefix, second,
            advertiser, source, c.id());
      }
    }
    return new Day(visits, visitCount, purchases, purchaseCount);
  }

  private void appendVisit(StringBuilder sb, String prefix, long sequence, int cookie, long caseDraw, String dayPrefix,
      int second, Advertiser advertiser, String source, String campaignId) {
    sb.append(prefix);
    Csv.padded(sb, sequence, 6);
    sb.append(',');
    appendCookie(sb, cookie, caseDraw);
    sb.append(',');
    Csv.timestamp(sb, dayPrefix, second);
    sb.append(',').append(advertiser.id()).append(',').append(source).append(',');
    if (campaignId != null) {
      sb.append(campaignId);
    }
    sb.append('\n');
  }

  /** One of the member's cookies. */
  private int cookieOf(int member, long h) {
    Identities ids = world.identities;
    int first = ids.cookieFirst[member];
    return first + Draws.below(h, ids.cookieFirst[member + 1] - first);
  }

  /** A cookie id, in lower case for a configured share of writes (the inconsistent-ids trap). */
  private void appendCookie(StringBuilder sb, int cookie, long caseDraw) {
    Ids.append(sb, Draws.uniform(caseDraw) < identity.lowerCaseIdRate() ? 'k' : 'K', cookie);
  }

  /** The traffic source a click on a platform campaign of {@code channel} lands with. */
  static String trafficSource(String channel) {
    return switch (channel) {
      case "onsite_search" -> "search";
      case "onsite_display" -> "display";
      case "offsite_social" -> "social";
      case "ctv_streaming" -> "streaming";
      case "email" -> "email";
      default -> "direct";
    };
  }

  private static int pick(double u) {
    for (int k = 0; k < SOURCE_CUMULATIVE.length - 1; k++) {
      if (u < SOURCE_CUMULATIVE[k]) {
        return k;
      }
    }
    return SOURCE_CUMULATIVE.length - 1;
  }
}
