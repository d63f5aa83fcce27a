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

  /** Load order: every source comes after the sources it references. */
  public static final List<SourceSpec> ALL =
      List.of(ADVERTISERS, CAMPAIGNS, CREATIVES, MEMBERS, EXPERIMENT_ASSIGNMENTS, AD_EVENTS, TRANSACTIONS);

  private Sources() {}

  public static SourceSpec byName(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown source " + name));
  }

  private static String endNotBeforeStart(String[] values, LocalDate ds) {
    int start = CAMPAIGNS.indexOf("start_date");
    int end = CAMPAIGNS.indexOf("end_date");
    return LocalDate.parse(values[end]).isBefore(LocalDate.parse(values[start]))
        ? "end_date " + values[end] + " is before start_date " + values[start]
        : null;
  }
}
