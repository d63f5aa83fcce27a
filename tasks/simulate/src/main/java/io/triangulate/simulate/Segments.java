package io.triangulate.simulate;

import java.util.List;

/**
 * The fixed vocabularies of the simulated world, in the order used for array indexes: a member's
 * region 2 means {@code REGIONS.get(2)}.
 */
public final class Segments {

  public static final List<String> REGIONS = List.of("north", "south", "east", "west", "central");
  public static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55+");
  public static final List<String> LOYALTY_TIERS = List.of("none", "silver", "gold");

  /** Channels where ads reach identified members, so ghost-ad holdouts are possible. */
  public static final List<String> CHANNELS =
      List.of("onsite_search", "onsite_display", "offsite_social", "ctv_streaming", "email");

  /** Media advertisers buy outside the platform: spend is known, exposures only partly (no holdouts). */
  public static final List<String> BRAND_CHANNELS = List.of("linear_tv", "streaming", "ooh");

  public static final List<String> LIFT_KINDS = List.of("strong", "modest", "zero", "negative");

  public static final List<String> PRICING_MODELS = List.of("CPM", "CPC");

  private Segments() {}
}
