package io.triangulate.decide;

import static io.triangulate.db.marts.Tables.CAMPAIGN_DECISIONS;
import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;

import io.triangulate.decide.policy.CampaignDecision;
import io.triangulate.decide.policy.CampaignEvidence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads campaign evidence from the marts and replaces the interval's decisions. */
public final class DecisionStore {

  private final DSLContext dsl;

  public DecisionStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Every campaign with results to date on {@code ds}, with its overall ('all' segment) lift if any. */
  public List<CampaignEvidence> evidence(LocalDate ds) {
    var c = FCT_CAMPAIGN_TO_DATE;
    var l = EXPERIMENT_LIFT;
    return dsl.select(
            c.CAMPAIGN_ID, c.CAMPAIGN_NAME, c.CHANNEL, c.SPEND, c.ATTRIBUTED_REVENUE,
            l.TREATED_N, l.ABS_LIFT, l.ABS_LIFT_CI_LOW, l.ABS_LIFT_CI_HIGH, l.P_VALUE,
            l.INCREMENTAL_REVENUE, l.INCREMENTAL_ROAS, l.INCREMENTAL_ROAS_CI_LOW, l.INCREMENTAL_ROAS_CI_HIGH,
            l.SRM_P_VALUE)
        .from(c)
        .leftJoin(l)
        .on(l.DS.eq(c.DS), l.CAMPAIGN_ID.eq(c.CAMPAIGN_ID), l.SEGMENT_TYPE.eq("all"))
        .where(c.DS.eq(ds))
        .orderBy(c.CAMPAIGN_ID)
        .fetch(r -> toEvidence(r));
  }

  private static CampaignEvidence toEvidence(Record r) {
    var c = FCT_CAMPAIGN_TO_DATE;
    var l = EXPERIMENT_LIFT;
    Long treated = r.get(l.TREATED_N);
    return new CampaignEvidence(
        r.get(c.CAMPAIGN_ID), r.get(c.CAMPAIGN_NAME), r.get(c.CHANNEL),
        num(r.get(c.SPEND)), num(r.get(c.ATTRIBUTED_REVENUE)),
        treated == null ? 0 : treated,
        num(r.get(l.ABS_LIFT)), num(r.get(l.ABS_LIFT_CI_LOW)), num(r.get(l.ABS_LIFT_CI_HIGH)), num(r.get(l.P_VALUE)),
        num(r.get(l.INCREMENTAL_REVENUE)), num(r.get(l.INCREMENTAL_ROAS)),
        num(r.get(l.INCREMENTAL_ROAS_CI_LOW)), num(r.get(l.INCREMENTAL_ROAS_CI_HIGH)), num(r.get(l.SRM_P_VALUE)));
  }

  /**
   * Replaces the interval's decisions in one transaction; {@code srmMaxPValue} (the policy's) decides
   * each row's srm_flag.
   */
  public int replace(LocalDate ds, List<CampaignDecision> decisions, double srmMaxPValue) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          t.deleteFrom(CAMPAIGN_DECISIONS).where(CAMPAIGN_DECISIONS.DS.eq(ds)).execute();
          var d = CAMPAIGN_DECISIONS;
          var insert =
              t.insertInto(d, d.DS, d.CAMPAIGN_ID, d.CAMPAIGN_NAME, d.CHANNEL, d.SPEND, d.ATTRIBUTED_REVENUE,
                  d.ATTRIBUTED_ROAS, d.INCREMENTAL_REVENUE, d.INCREMENTAL_ROAS, d.INCREMENTAL_ROAS_CI_LOW,
                  d.INCREMENTAL_ROAS_CI_HIGH, d.ABS_LIFT, d.ABS_LIFT_CI_LOW, d.ABS_LIFT_CI_HIGH, d.P_VALUE,
                  d.OVER_ATTRIBUTION, d.INCREMENTALITY_RANK, d.EFFICIENCY_FLAG, d.RECOMMENDATION,
                  d.BUDGET_CHANGE, d.REASON, d.SRM_P_VALUE, d.SRM_FLAG);
          for (CampaignDecision x : decisions) {
            CampaignEvidence e = x.evidence();
            insert =
                insert.values(
                    ds, e.campaignId(), e.campaignName(), e.channel(), e.spend(), e.attributedRevenue(),
                    nullIfNaN(e.attributedRoas()), nullIfNaN(e.incrementalRevenue()), nullIfNaN(e.incrementalRoas()),
                    nullIfNaN(e.incrementalRoasCiLow()), nullIfNaN(e.incrementalRoasCiHigh()),
                    nullIfNaN(e.absLift()), nullIfNaN(e.absLiftCiLow()), nullIfNaN(e.absLiftCiHigh()),
                    nullIfNaN(e.pValue()), nullIfNaN(e.overAttribution()), x.incrementalityRank(),
                    x.flag().label(), x.recommendation().label(), x.budgetChange(), x.reason(),
                    nullIfNaN(e.srmPValue()), e.sampleRatioMismatch(srmMaxPValue));
          }
          return decisions.isEmpty() ? 0 : insert.execute();
        });
  }

  static double num(Object value) {
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof BigDecimal b) {
      return b.doubleValue();
    }
    return ((Number) value).doubleValue();
  }

  private static Double nullIfNaN(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
  }

}
