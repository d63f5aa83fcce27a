package io.triangulate.simulate;

import java.util.List;

/**
 * Every file the simulator writes, with its exact header. Landing files follow
 * {@code docs/input-formats.md}; truth files are for evaluation only.
 */
public enum OutputFile {
  ADVERTISERS(true, "advertisers.csv", List.of("advertiser_id", "advertiser_name", "category")),
  CAMPAIGNS(true, "campaigns.csv",
      List.of("campaign_id", "advertiser_id", "campaign_name", "channel", "pricing_model", "unit_price",
          "daily_budget", "start_date", "end_date", "holdout_share")),
  CREATIVES(true, "creatives.csv", List.of("creative_id", "campaign_id", "creative_name", "format", "headline", "tags")),
  MEMBERS(true, "members.csv", List.of("member_id", "region", "age_band", "loyalty_tier", "signup_date")),
  EXPERIMENT_ASSIGNMENTS(true, "experiment_assignments.csv", List.of("campaign_id", "member_id", "arm", "assigned_date")),
  AD_EVENTS(true, "ad_events.csv",
      List.of("event_id", "event_ts", "event_type", "campaign_id", "creative_id", "member_id", "cost")),
  TRANSACTIONS(true, "transactions.csv",
      List.of("order_id", "order_ts", "member_id", "advertiser_id", "revenue", "items")),
  TRANSACTIONS_HISTORY(true, "transactions_history.csv",
      List.of("order_id", "order_ts", "member_id", "advertiser_id", "revenue", "items")),
  IDENTITY_LINKS(true, "identity_links.csv",
      List.of("id_a", "id_a_type", "id_b", "id_b_type", "link_source", "observed_date")),
  CHANNEL_SPEND(true, "channel_spend.csv", List.of("spend_date", "advertiser_id", "channel", "spend", "impressions")),
  TV_AIRINGS(true, "tv_airings.csv",
      List.of("exposure_id", "household_id", "advertiser_id", "network", "aired_ts", "creative_name")),
  STREAMING_IMPRESSIONS(true, "streaming_impressions.csv",
      List.of("log_id", "device_id", "user_id", "advertiser_id", "creative_name", "event_ts", "cost")),
  WEB_VISITS(true, "web_visits.csv",
      List.of("visit_id", "cookie_id", "visit_ts", "advertiser_id", "traffic_source", "campaign_id")),
  WEB_PURCHASES(true, "web_purchases.csv",
      List.of("purchase_id", "purchase_ts", "cookie_id", "member_id", "advertiser_id", "revenue")),
  CAMPAIGN_TRUTH(false, "campaign_truth.csv",
      List.of("ds", "campaign_id", "true_incremental_orders", "true_incremental_revenue")),
  CAMPAIGN_PARAMS(false, "campaign_params.csv",
      List.of("campaign_id", "true_relative_lift", "adstock_decay", "saturation_k", "targeting_bias", "lift_kind")),
  CHANNEL_DAILY(false, "channel_daily.csv",
      List.of("ds", "advertiser_id", "channel", "spend", "true_incremental_orders", "true_incremental_revenue")),
  CHANNEL_PARAMS(false, "channel_params.csv",
      List.of("advertiser_id", "channel", "adstock_decay", "saturation_k", "max_relative_lift")),
  IDENTITY(false, "identity.csv", List.of("id_type", "id", "member_id", "household_id"));

  private final boolean landing;
  private final String fileName;
  private final List<String> columns;

  OutputFile(boolean landing, String fileName, List<String> columns) {
    this.landing = landing;
    this.fileName = fileName;
    this.columns = columns;
  }

  /** True for landing files (inputs of {@code load}), false for truth files. */
  public boolean landing() {
    return landing;
  }

  public String fileName() {
    return fileName;
  }

  public List<String> columns() {
    return columns;
  }

  String headerLine() {
    return String.join(",", columns) + "\n";
  }
}
