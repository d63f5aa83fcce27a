package io.triangulate.experiments.pipeline;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Each campaign's planned design as loaded (staging.stg_campaigns): holdout share and flight. */
public final class CampaignPlanReader {

  /** One campaign's plan. */
  public record CampaignPlan(
      String campaignId, String advertiserId, LocalDate startDate, LocalDate endDate, double holdoutShare) {}

  private static final String SQL =
      """
      select campaign_id, advertiser_id, start_date, end_date, holdout_share
      from staging.stg_campaigns
      where start_date <= ?
      order by campaign_id""";

  private CampaignPlanReader() {}

  /** Campaigns started by {@code ds}, by id. */
  public static Map<String, CampaignPlan> read(DSLContext dsl, LocalDate ds) {
    Map<String, CampaignPlan> plans = new TreeMap<>();
    for (Record r : dsl.fetch(SQL, ds)) {
      CampaignPlan plan = new CampaignPlan(
          r.get("campaign_id", String.class), r.get("advertiser_id", String.class),
          r.get("start_date", LocalDate.class), r.get("end_date", LocalDate.class),
          r.get("holdout_share", Double.class));
      plans.put(plan.campaignId(), plan);
    }
    return plans;
  }
}
