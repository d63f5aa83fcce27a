package io.triangulate.evaluate;

import io.triangulate.core.sql.MartsConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Lines each campaign's experiment estimate (overall segment) up with the truth summed over the same
 * outcome window the experiment statistics use: campaign start through the decision date, capped at
 * the campaign's end plus the configured post-campaign days. The only reader of the truth schema
 * besides tests.
 */
public final class TruthComparison {

  private static final String SQL =
      """
      with windows as (
          select campaign_id, start_date, least(?::date, end_date + ?::int) as outcome_end
          from staging.stg_campaigns
      )
      select l.campaign_id,
             coalesce(sum(t.true_incremental_orders), 0)  as true_orders,
             coalesce(sum(t.true_incremental_revenue), 0) as true_revenue,
             l.incremental_orders, l.incremental_orders_ci_low, l.incremental_orders_ci_high,
             l.incremental_revenue, l.incremental_revenue_ci_low, l.incremental_revenue_ci_high
      from marts.experiment_lift l
      join windows w on w.campaign_id = l.campaign_id
      left join truth.campaign_daily t
        on t.campaign_id = l.campaign_id and t.ds between w.start_date and w.outcome_end
      where l.ds = ? and l.segment_type = 'all' and l.incremental_orders is not null
      group by l.campaign_id, l.incremental_orders, l.incremental_orders_ci_low, l.incremental_orders_ci_high,
               l.incremental_revenue, l.incremental_revenue_ci_low, l.incremental_revenue_ci_high
      order by l.campaign_id""";

  private final DSLContext dsl;
  private final MartsConfig marts;

  public TruthComparison(DSLContext dsl, MartsConfig marts) {
    this.dsl = dsl;
    this.marts = marts;
  }

  public Optional<LocalDate> latestEstimateDate() {
    return Optional.ofNullable(dsl.fetchSingle("select max(ds) from marts.experiment_lift").get(0, LocalDate.class));
  }

  public List<CampaignScore> scores(LocalDate ds) {
    return dsl.fetch(SQL, ds, marts.experiments().postCampaignDays(), ds).map(TruthComparison::score);
  }

  private static CampaignScore score(Record r) {
    return new CampaignScore(
        r.get("campaign_id", String.class),
        r.get("true_orders", Double.class),
        r.get("incremental_orders", Double.class),
        r.get("incremental_orders_ci_low", Double.class),
        r.get("incremental_orders_ci_high", Double.class),
        r.get("true_revenue", Double.class),
        r.get("incremental_revenue", Double.class),
        r.get("incremental_revenue_ci_low", Double.class),
        r.get("incremental_revenue_ci_high", Double.class));
  }
}
