package io.triangulate.simulate;

import java.time.LocalDate;

/**
 * Simulates one campaign on one day: which audience members get an ad opportunity (treatment sees
 * an impression and may click, control gets a logged ghost impression), what it costs, and the
 * resulting effect on each treated member's purchase probability.
 *
 * <p>The effect of campaign c on treated member i on day t is
 * {@code r = lift_c × segment_i × (1 - exp(-A/κ_c))}, with A the geometric adstock
 * {@code Σ_{k=0..L} λ_c^k · impression(t-k)}. Past impressions are recomputed from the same hash
 * draws that produced them, so no state is carried between days; before a member's first
 * impression A is 0 and so is the effect. Control members never have an effect.
 */
final class AdDelivery {

  private static final int SECONDS_PER_DAY = 86_400;
  private static final int MAX_CLICK_DELAY_SECONDS = 180;
  /** Keys the SRM trap's member draw; negative, so never an epoch day of the day draws. */
  private static final long GHOST_LOSS_KEY = -7L;

  private final World world;
  private final long opportunityKey;
  private final double clickNormaliser;

  AdDelivery(World world) {
    this.world = world;
    this.opportunityKey = Draws.key(world.config.seed(), Draws.OPPORTUNITY);
    this.clickNormaliser = world.targeting.clickNormaliser();
  }

  /** Whether the campaign can have events or effects on {@code day}: its flight plus the adstock tail. */
  boolean active(Campaign c, LocalDate day) {
    long t = day.toEpochDay();
    return t >= c.startDate().toEpochDay() && t <= c.endDate().toEpochDay() + world.config.lift().maxLagDays();
  }

  CampaignDay simulate(Campaign c, Audience audience, LocalDate day) {
    return simulate(c, audience, day, SpendScenario.ACTUAL, true);
  }

  /**
   * @param scenario scales the opportunity probability of each day (capped at the configured
   *     maximum); the same draws decide, so a higher multiplier only adds opportunities
   * @param withRows false to skip building the ad_events text (the closed loop needs only counts)
   */
  CampaignDay simulate(Campaign c, Audience audience, LocalDate day, SpendScenario scenario, boolean withRows) {
    Members members = world.members;
    int maxLag = world.config.lift().maxLagDays();
    long today = day.toEpochDay();
    long start = c.startDate().toEpochDay();
    long end = c.endDate().toEpochDay();
    boolean live = today >= start && today <= end;
    boolean effective = c.relativeLift() != 0 && active(c, day);
    double[] decayPower = new double[maxLag + 1];
    double[] multiplier = new double[maxLag + 1]; // of the day k days ago
    boolean scaled = false;
    for (int k = 0; k <= maxLag; k++) {
      decayPower[k] = StrictMath.pow(c.adstockDecay(), k);
      multiplier[k] = scenario.multiplier(c.channel(), today - k);
      scaled |= multiplier[k] != 1.0;
    }
    double cap = world.config.exposure().maxDailyOpportunity();
    double ghostLogLoss = world.config.controlGhostLogLoss(c.id());
    double baseline = world.dayFactor(day) * c.advertiser().purchaseShare();
    long campaignKey = Draws.then(opportunityKey, c.index());

    EventRows rows = new EventRows(c, day, world.config.dataQuality().duplicateEventRate(), withRows);
    int[] effectMembers = new int[effective ? audience.size() : 0];
    double[] effects = new double[effectMembers.length];
    int effectCount = 0;
    double trueOrders = 0;
    double trueRevenue = 0;

    for (int j = 0; j < audience.size(); j++) {
      int i = audience.member[j];
      double q = audience.opportunity[j];
      double qToday = scaled ? Math.min(cap, q * multiplier[0]) : q;
      long memberKey = Draws.then(campaignKey, i);
      long todayDraw = Draws.then(memberKey, today);
      boolean treated = audience.treated[j];

      if (effective && treated) {
        double adstock = 0;
        for (long t = Math.max(start, today - maxLag); t <= Math.min(end, today); t++) {
          double qt = scaled ? Math.min(cap, q * multiplier[(int) (today - t)]) : q;
          if (Draws.uniform(Draws.then(memberKey, t)) < qt) {
            adstock += decayPower[(int) (today - t)];
          }
        }
        if (adstock > 0) {
          double r = c.relativeLift() * members.effectMultiplier[i] * -StrictMath.expm1(-adstock / c.saturationK());
          double incremental = baseline * members.propensity[i] * r;
          effectMembers[effectCount] = i;
          effects[effectCount] = r;
          effectCount++;
          trueOrders += incremental;
          trueRevenue += incremental * members.orderValue[i];
        }
      }

      if (live && Draws.uniform(todayDraw) < qToday) {
        int second = Draws.below(Draws.then(todayDraw, 1), SECONDS_PER_DAY);
        Creative creative = c.creatives().get(Draws.below(Draws.then(todayDraw, 2), c.creatives().size()));
        boolean duplicate = Draws.uniform(Draws.then(todayDraw, 3)) < rows.duplicateRate;
        if (!treated) {
          // The SRM trap: the logger misses this control member's ghost impressions on every day (a
          // member-level fault, like an app version that drops them), so the member never shows up
          // as exposed. One draw per member and campaign, keyed apart from the day draws.
          if (ghostLogLoss == 0 || Draws.uniform(Draws.then(memberKey, GHOST_LOSS_KEY)) >= ghostLogLoss) {
            rows.add(EventRows.GHOST, second, creative, i, 0.0, duplicate);
          }
          continue;
        }
        rows.add(EventRows.IMPRESSION, second, creative, i, c.costPerClick() ? 0.0 : c.unitPrice() / 1000.0, duplicate);
        double clickProbability = world.targeting.click(c, members.logPropensity[i], clickNormaliser);
        if (Draws.uniform(Draws.then(todayDraw, 4)) < clickProbability) {
          int clickSecond = Math.min(SECONDS_PER_DAY - 1,
              second + 1 + Draws.below(Draws.then(todayDraw, 5), MAX_CLICK_DELAY_SECONDS));
          boolean clickDuplicate = Draws.uniform(Draws.then(todayDraw, 6)) < rows.duplicateRate;
          rows.add(EventRows.CLICK, clickSecond, creative, i, c.costPerClick() ? c.unitPrice() : 0.0, clickDuplicate);
          rows.click(i, clickSecond);
        }
      }
    }
    return new CampaignDay(c, rows.text, rows.rows, rows.impressions, rows.clicks, rows.ghosts, rows.spend,
        effectMembers, effects, effectCount, trueOrders, trueRevenue,
        java.util.Arrays.copyOf(rows.clickMembers, (int) rows.clicks),
        java.util.Arrays.copyOf(rows.clickSeconds, (int) rows.clicks));
  }

  /** Builds ad_events rows of one campaign-day; duplicates are exact copies, same event_id. */
  private static final class EventRows {

    static final String IMPRESSION = "impression";
    static final String CLICK = "click";
    static final String GHOST = "ghost_impression";

    final StringBuilder text = new StringBuilder(1 << 12);
    final double duplicateRate;
    private final String idPrefix;
    private final String dayPrefix;
    private final String campaignId;
    long rows;
    long sequence;
    long impressions;
    long clicks;
    long ghosts;
    double spend;

    private final boolean withText;
    int[] clickMembers = new int[16];
    int[] clickSeconds = new int[16];

    EventRows(Campaign c, LocalDate day, double duplicateRate, boolean withText) {
      this.duplicateRate = duplicateRate;
      this.withText = withText;
      this.idPrefix = "E" + compact(day) + "-" + c.id() + "-";
      this.dayPrefix = day + "T";
      this.campaignId = c.id();
    }

    void add(String type, int second, Creative creative, int member, double cost, boolean duplicate) {
      sequence++;
      int copies = duplicate ? 2 : 1;
      for (int copy = 0; copy < copies && withText; copy++) {
        text.append(idPrefix);
        Csv.padded(text, sequence, 6);
        text.append(',');
        Csv.timestamp(text, dayPrefix, second);
        text.append(',').append(type).append(',').append(campaignId).append(',').append(creative.id()).append(",M");
        Csv.padded(text, member + 1L, Ids.MEMBER_DIGITS);
        text.append(',');
        Csv.fixed(text, cost, 6);
        text.append('\n');
      }
      rows += copies;
      switch (type) {
        case IMPRESSION -> impressions++;
        case CLICK -> clicks++;
        default -> ghosts++;
      }
      spend += cost;
    }

    /** Remembers a click (after {@link #add} counted it): web visits follow some clicks. */
    void click(int member, int second) {
      int k = (int) clicks - 1;
      if (k == clickMembers.length) {
        clickMembers = java.util.Arrays.copyOf(clickMembers, k * 2);
        clickSeconds = java.util.Arrays.copyOf(clickSeconds, k * 2);
      }
      clickMembers[k] = member;
      clickSeconds[k] = second;
    }
  }

  /** {@code 20260105} for 2026-01-05: the day part of event and order ids. */
  static String compact(LocalDate day) {
    return day.toString().replace("-", "");
  }
}
