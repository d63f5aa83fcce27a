package io.triangulate.ingest;

import static io.triangulate.ingest.Field.of;
import static io.triangulate.ingest.Field.ref;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The landing file kinds in load order (dimensions before the facts that reference them). This is
 * the executable form of {@code docs/input-formats.md}; keep the two in step.
 */
public final class Sources {

  public static final Set<String> CHANNELS =
      Set.of("onsite_search", "onsite_display", "offsite_social", "ctv_streaming", "email", "linear_tv", "ooh");

  /** Every channel a market's spend may be reported for: the platform's and the brands' own. */
  public static final Set<String> MEDIA_CHANNELS = Set.of("onsite_search", "onsite_display", "offsite_social",
      "ctv_streaming", "email", "linear_tv", "ooh", "streaming");

  public static final SourceSpec ADVERTISERS =
      new SourceSpec(
          "advertisers",
          "advertisers",
          List.of(of("advertiser_id", FieldRule.id()), of("advertiser_name", FieldRule.text()), of("category", FieldRule.text())),
          List.of("advertiser_id"),
          null);

  public static final SourceSpec CAMPAIGNS =
      new SourceSpec(
          "campaigns",
          "campaigns",
          List.of(
              of("campaign_id", FieldRule.id()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("campaign_name", FieldRule.text()),
              of("channel", FieldRule.oneOf(CHANNELS)),
              of("pricing_model", FieldRule.oneOf(Set.of("CPM", "CPC"))),
              of("unit_price", FieldRule.decimal(0, false, Double.MAX_VALUE, true)),
              of("daily_budget", FieldRule.nonNegativeDecimal()),
              of("start_date", FieldRule.date()),
              of("end_date", FieldRule.date()),
              of("holdout_share", FieldRule.decimal(0, true, 1, false))),
          List.of("campaign_id"),
          Sources::endNotBeforeStart);

  public static final SourceSpec CREATIVES =
      new SourceSpec(
          "creatives",
          "creatives",
          List.of(
              of("creative_id", FieldRule.id()),
              ref("campaign_id", FieldRule.id(), "campaigns"),
              of("creative_name", FieldRule.optionalText()),
              of("format", FieldRule.text()),
              of("headline", FieldRule.optionalText()),
              of("tags", FieldRule.optionalText())),
          List.of("creative_id"),
          null);

  public static final SourceSpec MEMBERS =
      new SourceSpec(
          "members",
          "members",
          List.of(
              of("member_id", FieldRule.id()),
              of("region", FieldRule.text()),
              of("age_band", FieldRule.text()),
              of("loyalty_tier", FieldRule.text()),
              of("signup_date", FieldRule.dateNotAfterInterval())),
          List.of("member_id"),
          null);

  public static final SourceSpec EXPERIMENT_ASSIGNMENTS =
      new SourceSpec(
          "experiment_assignments",
          "experiment_assignments",
          List.of(
              ref("campaign_id", FieldRule.id(), "campaigns"),
              ref("member_id", FieldRule.id(), "members"),
              of("arm", FieldRule.oneOf(Set.of("treatment", "control"))),
              of("assigned_date", FieldRule.dateNotAfterInterval())),
          List.of("campaign_id", "member_id"),
          null);

  public static final SourceSpec AD_EVENTS =
      new SourceSpec(
          "ad_events",
          "ad_events",
          List.of(
              of("event_id", FieldRule.id()),
              of("event_ts", FieldRule.timestampInInterval()),
              of("event_type", FieldRule.oneOf(Set.of("impression", "click", "ghost_impression"))),
              ref("campaign_id", FieldRule.id(), "campaigns"),
              ref("creative_id", FieldRule.optionalId(), "creatives"),
              ref("member_id", FieldRule.id(), "members"),
              of("cost", FieldRule.nonNegativeDecimal())),
          List.of("event_id"),
          null);

  public static final SourceSpec TRANSACTIONS =
      new SourceSpec(
          "transactions",
          "transactions",
          List.of(
              of("order_id", FieldRule.id()),
              of("order_ts", FieldRule.timestampInInterval()),
              ref("member_id", FieldRule.id(), "members"),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("revenue", FieldRule.nonNegativeDecimal()),
              of("items", FieldRule.positiveInteger())),
          List.of("order_id"),
          null);

  /**
   * Orders from before the warehouse's first day (the simulator's pre-history, or a retailer's
   * export of the weeks before onboarding): the experiments' CUPED pre-period. Loaded with the
   * interval they arrive in, but every order must lie strictly before it; staging dates them by
   * their own timestamp (not by the load interval as transactions), and no outcome reads them.
   */
  public static final SourceSpec TRANSACTIONS_HISTORY =
      new SourceSpec(
          "transactions_history",
          "transactions_history",
          List.of(
              of("order_id", FieldRule.id()),
              of("order_ts", timestampBeforeInterval()),
              ref("member_id", FieldRule.id(), "members"),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("revenue", FieldRule.nonNegativeDecimal()),
              of("items", FieldRule.positiveInteger())),
          List.of("order_id"),
          null);

  /** Id types of the identity graph (raw.identity_links). */
  public static final Set<String> ID_TYPES = Set.of("member", "household", "device", "streaming_user", "cookie");

  /**
   * Pairs of ids seen together. The key lists id_a and id_b first: each id's type follows from the
   * id, and a loader that compares only the first two key columns still finds true repeats.
   */
  public static final SourceSpec IDENTITY_LINKS =
      new SourceSpec(
          "identity_links",
          "identity_links",
          List.of(
              of("id_a", FieldRule.id()),
              of("id_a_type", FieldRule.oneOf(ID_TYPES)),
              of("id_b", FieldRule.id()),
              of("id_b_type", FieldRule.oneOf(ID_TYPES)),
              of("link_source", FieldRule.text()),
              of("observed_date", FieldRule.dateNotAfterInterval())),
          List.of("id_a", "id_b", "id_a_type", "id_b_type"),
          null);

  /** Brand media spend; the day's file has one row per advertiser and channel (key order as above). */
  public static final SourceSpec CHANNEL_SPEND =
      new SourceSpec(
          "channel_spend",
          "channel_spend",
          List.of(
              of("spend_date", FieldRule.dateNotAfterInterval()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("channel", FieldRule.oneOf(Set.of("linear_tv", "ooh", "streaming"))),
              of("spend", FieldRule.nonNegativeDecimal()),
              of("impressions", optionalCount())),
          List.of("advertiser_id", "channel", "spend_date"),
          null);

  public static final SourceSpec TV_AIRINGS =
      new SourceSpec(
          "tv_airings",
          "tv_airings",
          List.of(
              of("exposure_id", FieldRule.id()),
              of("household_id", FieldRule.id()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("network", FieldRule.text()),
              of("aired_ts", FieldRule.timestampInInterval()),
              of("creative_name", FieldRule.optionalText())),
          List.of("exposure_id"),
          null);

  public static final SourceSpec STREAMING_IMPRESSIONS =
      new SourceSpec(
          "streaming_impressions",
          "streaming_impressions",
          List.of(
              of("log_id", FieldRule.id()),
              of("device_id", FieldRule.optionalId()),
              of("user_id", FieldRule.optionalId()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("creative_name", FieldRule.optionalText()),
              of("event_ts", FieldRule.timestampInInterval()),
              of("cost", FieldRule.nonNegativeDecimal())),
          List.of("log_id"),
          (values, ds) -> oneOfPresent(values, "streaming_impressions", "device_id", "user_id"));

  public static final SourceSpec WEB_VISITS =
      new SourceSpec(
          "web_visits",
          "web_visits",
          List.of(
              of("visit_id", FieldRule.id()),
              of("cookie_id", FieldRule.id()),
              of("visit_ts", FieldRule.timestampInInterval()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("traffic_source",
                  FieldRule.oneOf(Set.of("direct", "organic", "social", "email", "display", "search", "streaming"))),
              ref("campaign_id", FieldRule.optionalId(), "campaigns")),
          List.of("visit_id"),
          null);

  public static final SourceSpec WEB_PURCHASES =
      new SourceSpec(
          "web_purchases",
          "web_purchases",
          List.of(
              of("purchase_id", FieldRule.id()),
              of("purchase_ts", FieldRule.timestampInInterval()),
              of("cookie_id", FieldRule.optionalId()),
              ref("member_id", FieldRule.optionalId(), "members"),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("revenue", FieldRule.nonNegativeDecimal())),
          List.of("purchase_id"),
          (values, ds) -> oneOfPresent(values, "web_purchases", "cookie_id", "member_id"));

  /**
   * Weekly orders and revenue per market (DMA-like geography) and advertiser: the aggregate
   * history a mix model and geo tests read. Any day's landing may carry it; a week loaded again
   * replaces nothing else (the key is the week, market and advertiser).
   */
  public static final SourceSpec MARKET_WEEKLY =
      new SourceSpec(
          "market_weekly",
          "market_weekly",
          List.of(
              of("week_start", FieldRule.date()),
              of("market_id", FieldRule.id()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("orders", FieldRule.nonNegativeDecimal()),
              of("revenue", FieldRule.nonNegativeDecimal())),
          List.of("week_start", "market_id", "advertiser_id"),
          null);

  /** Weekly media spend per market, advertiser and channel (onsite and brand channels). */
  public static final SourceSpec MARKET_SPEND_WEEKLY =
      new SourceSpec(
          "market_spend_weekly",
          "market_spend_weekly",
          List.of(
              of("week_start", FieldRule.date()),
              of("market_id", FieldRule.id()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("channel", FieldRule.oneOf(MEDIA_CHANNELS)),
              of("spend", FieldRule.nonNegativeDecimal())),
          List.of("week_start", "market_id", "advertiser_id", "channel"),
          null);

  /** Channels a geo test may scale per market: the brand media bought by market (docs/input-formats.md). */
  public static final Set<String> GEO_TEST_CHANNELS = Set.of("linear_tv", "ooh", "streaming");

  /**
   * Geo test plans: what an advertiser records when it plans a geo-lift test (treated markets,
   * window, intervention). The analysis reads them from here, never from the simulator's truth.
   * A plan sent again on a later day supersedes the earlier one (staging keeps the latest load).
   */
  public static final SourceSpec GEO_TEST_PLANS =
      new SourceSpec(
          "geo_test_plans",
          "geo_test_plans",
          List.of(
              of("test_id", FieldRule.id()),
              ref("advertiser_id", FieldRule.id(), "advertisers"),
              of("channel", FieldRule.oneOf(GEO_TEST_CHANNELS)),
              of("treated_markets", marketList()),
              of("start_week", FieldRule.date()),
              of("end_week", FieldRule.date()),
              of("spend_multiplier", FieldRule.decimal(0, true, 100, true)),
              of("planned_spend_change", FieldRule.decimal(-Double.MAX_VALUE, true, Double.MAX_VALUE, true))),
          List.of("test_id"),
          Sources::geoTestWindow);

  /** Load order: every source comes after the sources it references. */
  public static final List<SourceSpec> ALL =
      List.of(ADVERTISERS, CAMPAIGNS, CREATIVES, MEMBERS, EXPERIMENT_ASSIGNMENTS, AD_EVENTS, TRANSACTIONS,
          TRANSACTIONS_HISTORY, IDENTITY_LINKS, CHANNEL_SPEND, TV_AIRINGS, STREAMING_IMPRESSIONS, WEB_VISITS, WEB_PURCHASES,
          MARKET_WEEKLY, MARKET_SPEND_WEEKLY, GEO_TEST_PLANS);

  private Sources() {}

  public static SourceSpec byName(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown source " + name));
  }

  /**
   * A count that may be missing: empty, 0, or what {@link FieldRule#positiveInteger()} accepts.
   * (Composed here rather than added to FieldRule, which another change owns.)
   */
  private static FieldRule optionalCount() {
    FieldRule positive = FieldRule.positiveInteger();
    return (v, ds) -> v.isEmpty() ? null : "0".equals(v.strip()) ? "0" : positive.apply(v, ds);
  }

  /**
   * An ISO-8601 timestamp with offset strictly before the interval's UTC day; stored as UTC.
   * (Composed here rather than added to FieldRule, which another change owns.)
   */
  private static FieldRule timestampBeforeInterval() {
    return (v, ds) -> {
      if (v == null || v.isBlank()) {
        throw new RowRejected("is empty; a value is required");
      }
      java.time.Instant t;
      try {
        t = java.time.OffsetDateTime.parse(v.strip()).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new RowRejected("is not an ISO-8601 timestamp with offset (e.g. 2026-01-04T14:03:00Z): '" + v + "'");
      }
      if (!t.isBefore(ds.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
        throw new RowRejected("is " + t + ", not before the interval " + ds + " (history must predate the day it is loaded with)");
      }
      return t.toString();
    };
  }

  /** Row check of files whose rows name a person by one of two ids: at least one must be present. */
  private static String oneOfPresent(String[] values, String source, String first, String second) {
    SourceSpec spec = byName(source);
    return values[spec.indexOf(first)] == null && values[spec.indexOf(second)] == null
        ? first + " and " + second + " are both empty; at least one is required"
        : null;
  }

  /** Market ids separated by ';': at least one, each an id, none twice. */
  private static FieldRule marketList() {
    FieldRule id = FieldRule.id();
    return (v, ds) -> {
      if (v == null || v.isBlank()) {
        throw new RowRejected("is empty; list the treated market ids separated by ';'");
      }
      Set<String> seen = new java.util.HashSet<>();
      for (String market : v.split(";", -1)) {
        if (market.isEmpty()) {
          throw new RowRejected("has an empty market id in '" + v + "' (ids separated by ';', no trailing ';')");
        }
        id.apply(market, ds);
        if (!seen.add(market)) {
          throw new RowRejected("lists market " + market + " twice");
        }
      }
      return v;
    };
  }

  /** A geo test's window: whole weeks, end on or after start. */
  private static String geoTestWindow(String[] values, LocalDate ds) {
    LocalDate start = LocalDate.parse(values[GEO_TEST_PLANS.indexOf("start_week")]);
    LocalDate end = LocalDate.parse(values[GEO_TEST_PLANS.indexOf("end_week")]);
    return end.isBefore(start) ? "end_week " + end + " is before start_week " + start : null;
  }

  private static String endNotBeforeStart(String[] values, LocalDate ds) {
    int start = CAMPAIGNS.indexOf("start_date");
    int end = CAMPAIGNS.indexOf("end_date");
    return LocalDate.parse(values[end]).isBefore(LocalDate.parse(values[start]))
        ? "end_date " + values[end] + " is before start_date " + values[start]
        : null;
  }
}
