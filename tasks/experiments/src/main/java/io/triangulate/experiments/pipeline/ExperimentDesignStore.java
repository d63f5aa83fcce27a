package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.EXPERIMENT_DESIGN;

import io.triangulate.db.marts.tables.records.ExperimentDesignRecord;
import io.triangulate.experiments.depth.LaunchDesign;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The launch inputs of campaigns starting on a day (assigned audience, its baseline buyers of the
 * advertiser in the pre-period, in-world and pre-history orders alike) and the replacement of their
 * rows in marts.experiment_design.
 */
public final class ExperimentDesignStore {

  private static final String LAUNCHES_SQL =
      """
      select c.campaign_id, c.advertiser_id, c.holdout_share, (c.end_date - c.start_date + 1) as planned_days,
             (select count(*) from staging.stg_experiment_assignments a where a.campaign_id = c.campaign_id) as assigned,
             (select count(*)
              from staging.stg_experiment_assignments a
              where a.campaign_id = c.campaign_id
                and (exists (select 1 from staging.stg_transactions t
                             where t.member_id = a.member_id and t.advertiser_id = c.advertiser_id
                               and t.order_date >= c.start_date - ?::int and t.order_date < c.start_date)
                  or exists (select 1 from staging.stg_transactions_history h
                             where h.member_id = a.member_id and h.advertiser_id = c.advertiser_id
                               and h.order_date >= c.start_date - ?::int and h.order_date < c.start_date)))
               as baseline_buyers
      from staging.stg_campaigns c
      where c.start_date = ?
      order by c.campaign_id""";

  private ExperimentDesignStore() {}

  public static List<LaunchDesign.Inputs> launches(DSLContext dsl, LocalDate ds, int windowDays) {
    List<LaunchDesign.Inputs> inputs = new ArrayList<>();
    for (Record r : dsl.fetch(LAUNCHES_SQL, windowDays, windowDays, ds)) {
      inputs.add(new LaunchDesign.Inputs(
          r.get("campaign_id", String.class), r.get("advertiser_id", String.class),
          r.get("holdout_share", Double.class), r.get("assigned", Long.class), r.get("baseline_buyers", Long.class),
          windowDays, r.get("planned_days", Integer.class)));
    }
    return inputs;
  }

  /** Replaces the designs of the day's launches (and any earlier design rows dated on the day). */
  public static int replace(DSLContext dsl, LocalDate ds, List<LaunchDesign.Design> designs) {
    return dsl.transactionResult(configuration -> {
      DSLContext tx = DSL.using(configuration);
      var d = EXPERIMENT_DESIGN;
      tx.deleteFrom(d).where(d.DESIGN_DS.eq(ds)).execute();
      List<ExperimentDesignRecord> rows = new ArrayList<>();
      for (LaunchDesign.Design x : designs) {
        tx.deleteFrom(d).where(d.CAMPAIGN_ID.eq(x.inputs().campaignId())).execute();
        ExperimentDesignRecord row = tx.newRecord(d);
        row.setCampaignId(x.inputs().campaignId());
        row.setDesignDs(ds);
        row.setAdvertiserId(x.inputs().advertiserId());
        row.setPlannedControlShare(x.inputs().controlShare());
        row.setBaselineMembers(x.inputs().assigned());
        row.setBaselineRate(value(x.baselineRate()));
        row.setBaselineWindowDays(x.inputs().windowDays());
        row.setPlannedDays(x.inputs().plannedDays());
        row.setExpectedExposed(x.inputs().assigned());
        row.setAlpha(x.alpha());
        row.setPower(x.power());
        row.setMdeAbs(value(x.mdeAbsolute()));
        row.setMdeRel(value(x.mdeRelative()));
        row.setRequiredTreated(x.requiredTreated() < 0 ? null : x.requiredTreated());
        row.setRequiredControl(x.requiredControl() < 0 ? null : x.requiredControl());
        row.setRequiredDays(Double.isFinite(x.requiredDays()) ? (int) Math.ceil(x.requiredDays()) : null);
        row.setTargetRelLift(x.targetRelativeLift());
        row.setNotes(String.join("; ", x.notes()));
        rows.add(row);
      }
      if (!rows.isEmpty()) {
        tx.batchInsert(rows).execute();
      }
      return rows.size();
    });
  }

  private static Double value(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
