package io.triangulate.experiments.pipeline;

import static io.triangulate.db.marts.Tables.EXPERIMENT_LIFT;
import static io.triangulate.db.marts.Tables.FCT_CAMPAIGN_TO_DATE;
import static io.triangulate.db.marts.Tables.FCT_EXPERIMENT_STATS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.CommonOptions;
import io.triangulate.core.cli.Progress;
import io.triangulate.db.marts.tables.records.ExperimentLiftRecord;
import io.triangulate.experiments.ExperimentsTaskCommand;
import io.triangulate.experiments.testing.CommandRun;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.triangulate.core.testing.EmbeddedDatabase;

/** The pipeline task against a real (embedded) PostgreSQL with the project's migrations. */
class ExperimentsTaskCommandTest {

  private static final LocalDate DS = LocalDate.parse("2026-01-16");
  private static final LocalDate OTHER_DAY = LocalDate.parse("2026-01-15");

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  private static DSLContext dsl;

  @BeforeAll
  static void startDatabase() {
    Progress.setQuiet(true);
    dsl = DB.dsl();
    CommonOptions.beginSession(DB.database());

    // c1: both arms for the whole campaign and one region; c2: treatment only (control rows
    // missing) and zero spend; c3: statistics but no spend row at all.
    stats(DS, "c1", "all", "all", "treatment", 1000, 120, 150, 210, 7500, 900_000);
    stats(DS, "c1", "all", "all", "control", 1000, 100, 120, 160, 5000, 600_000);
    stats(DS, "c1", "region", "north", "treatment", 400, 60, 70, 100, 3000, 250_000);
    stats(DS, "c1", "region", "north", "control", 380, 40, 45, 60, 1900, 150_000);
    stats(DS, "c2", "all", "all", "treatment", 50, 5, 6, 8, 300, 20_000);
    stats(DS, "c3", "all", "all", "treatment", 10, 0, 0, 0, 0, 0);
    stats(DS, "c3", "all", "all", "control", 10, 0, 0, 0, 0, 0);
    spend("c1", "1000.0000");
    spend("c2", "0");
    // Another day's statistics and lift must be left alone.
    stats(OTHER_DAY, "c1", "all", "all", "treatment", 1, 0, 0, 0, 0, 0);
    dsl.insertInto(EXPERIMENT_LIFT)
        .set(EXPERIMENT_LIFT.DS, OTHER_DAY)
        .set(EXPERIMENT_LIFT.CAMPAIGN_ID, "old")
        .set(EXPERIMENT_LIFT.SEGMENT_TYPE, "all")
        .set(EXPERIMENT_LIFT.SEGMENT_VALUE, "all")
        .set(EXPERIMENT_LIFT.TREATED_N, 1L)
        .set(EXPERIMENT_LIFT.CONTROL_N, 1L)
        .set(EXPERIMENT_LIFT.TREATED_CONVERTERS, 0L)
        .set(EXPERIMENT_LIFT.CONTROL_CONVERTERS, 0L)
        .execute();
  }

  @AfterAll
  static void endSession() {
    CommonOptions.endSession();
  }

  private static void stats(
      LocalDate ds,
      String campaign, String type, String value, String arm, long members, long converters, long orders,
      long ordersSq, double revenue, double revenueSq) {
    dsl.insertInto(FCT_EXPERIMENT_STATS)
        .set(FCT_EXPERIMENT_STATS.DS, ds)
        .set(FCT_EXPERIMENT_STATS.CAMPAIGN_ID, campaign)
        .set(FCT_EXPERIMENT_STATS.SEGMENT_TYPE, type)
        .set(FCT_EXPERIMENT_STATS.SEGMENT_VALUE, value)
        .set(FCT_EXPERIMENT_STATS.ARM, arm)
        .set(FCT_EXPERIMENT_STATS.MEMBERS, members)
        .set(FCT_EXPERIMENT_STATS.CONVERTERS, converters)
        .set(FCT_EXPERIMENT_STATS.ORDERS, orders)
        .set(FCT_EXPERIMENT_STATS.ORDERS_SQ, ordersSq)
        .set(FCT_EXPERIMENT_STATS.REVENUE, revenue)
        .set(FCT_EXPERIMENT_STATS.REVENUE_SQ, revenueSq)
        .execute();
  }

  private static void spend(String campaign, String spend) {
    dsl.insertInto(FCT_CAMPAIGN_TO_DATE)
        .set(FCT_CAMPAIGN_TO_DATE.DS, DS)
        .set(FCT_CAMPAIGN_TO_DATE.CAMPAIGN_ID, campaign)
        .set(FCT_CAMPAIGN_TO_DATE.ADVERTISER_ID, "adv")
        .set(FCT_CAMPAIGN_TO_DATE.CAMPAIGN_NAME, campaign)
        .set(FCT_CAMPAIGN_TO_DATE.CHANNEL, "email")
        .set(FCT_CAMPAIGN_TO_DATE.START_DATE, DS.minusDays(9))
        .set(FCT_CAMPAIGN_TO_DATE.END_DATE, DS.plusDays(20))
        .set(FCT_CAMPAIGN_TO_DATE.DAILY_BUDGET, new BigDecimal("100.00"))
        .set(FCT_CAMPAIGN_TO_DATE.DAYS_LIVE, 10)
        .set(FCT_CAMPAIGN_TO_DATE.IMPRESSIONS, 10_000L)
        .set(FCT_CAMPAIGN_TO_DATE.CLICKS, 100L)
        .set(FCT_CAMPAIGN_TO_DATE.SPEND, new BigDecimal(spend))
        .set(FCT_CAMPAIGN_TO_DATE.ATTRIBUTED_ORDERS, 0L)
        .set(FCT_CAMPAIGN_TO_DATE.ATTRIBUTED_REVENUE, BigDecimal.ZERO)
        .execute();
  }

  private static Result<ExperimentLiftRecord> liftRows() {
    return dsl.selectFrom(EXPERIMENT_LIFT)
        .where(EXPERIMENT_LIFT.DS.eq(DS))
        .orderBy(EXPERIMENT_LIFT.CAMPAIGN_ID, EXPERIMENT_LIFT.SEGMENT_TYPE, EXPERIMENT_LIFT.SEGMENT_VALUE)
        .fetch();
  }

  @Test
  void writesHandComputedLiftAndRerunsIdentically() {
    CommandRun first = CommandRun.of(new ExperimentsTaskCommand(), "--ds", DS.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertEquals(
        "experiments|succeeded|4",
        dsl.fetchSingle(
                "select task || '|' || status || '|' || rows_written from ops.task_runs where ds = ? order by run_id limit 1", DS)
            .get(0, String.class),
        "the run is recorded in ops.task_runs");
    Result<ExperimentLiftRecord> rows = liftRows();
    assertEquals(4, rows.size());

    // c1 / all: see LiftEstimatorTest for the arithmetic.
    ExperimentLiftRecord c1 = rows.get(0);
    assertEquals(List.of("c1", "all", "all"), List.of(c1.getCampaignId(), c1.getSegmentType(), c1.getSegmentValue()));
    assertEquals(List.of(1000L, 1000L, 120L, 100L),
        List.of(c1.getTreatedN(), c1.getControlN(), c1.getTreatedConverters(), c1.getControlConverters()));
    assertEquals(0.12, c1.getTreatedRate(), 1e-12);
    assertEquals(0.10, c1.getControlRate(), 1e-12);
    assertEquals(0.02, c1.getAbsLift(), 1e-12);
    assertEquals(-0.0074114819980199385, c1.getAbsLiftCiLow(), 1e-12);
    assertEquals(0.04741148199801992, c1.getAbsLiftCiHigh(), 1e-12);
    assertEquals(0.2, c1.getRelLift(), 1e-12);
    assertEquals(-0.06589424893700613, c1.getRelLiftCiLow(), 1e-10);
    assertEquals(0.5415813448973079, c1.getRelLiftCiHigh(), 1e-10);
    assertEquals(0.1529177818639462, c1.getPValue(), 1e-10);
    assertEquals(20.0, c1.getIncrementalConversions(), 1e-9);
    assertEquals(30.0, c1.getIncrementalOrders(), 1e-9);
    assertEquals(-5.7892554264151945, c1.getIncrementalOrdersCiLow(), 1e-8);
    assertEquals(65.7892554264152, c1.getIncrementalOrdersCiHigh(), 1e-8);
    assertEquals(2500.0, c1.getIncrementalRevenue(), 1e-9);
    assertEquals(164.29342016449456, c1.getIncrementalRevenueCiLow(), 1e-7);
    assertEquals(4835.706579835506, c1.getIncrementalRevenueCiHigh(), 1e-7);
    assertEquals(1000.0, c1.getSpend(), 0.0);
    assertEquals(2.5, c1.getIncrementalRoas(), 1e-12);
    assertEquals(0.16429342016449455, c1.getIncrementalRoasCiLow(), 1e-10);
    assertEquals(4.835706579835506, c1.getIncrementalRoasCiHigh(), 1e-10);

    /*
     * c1 / region north: 60/400 vs 40/380 → lift 0.15 − 0.1052632 = 0.0447368,
     * CI [−0.0019169, 0.0913906], p 0.0617602, rel 0.425 [−0.0202509, 1.0725969];
     * incremental conversions 0.0447368 × 400 = 17.8947368; orders (70, 100) vs (45, 60):
     * 22.6315789 [−1.2693042, 46.5324620]; revenue (3000, 250,000) vs (1900, 150,000):
     * 1000 [−214.7976427, 2214.7976427]; no spend or ROAS for a segment.
     */
    ExperimentLiftRecord north = rows.get(1);
    assertEquals("north", north.getSegmentValue());
    assertEquals(0.04473684210526316, north.getAbsLift(), 1e-12);
    assertEquals(-0.0019168694685542734, north.getAbsLiftCiLow(), 1e-12);
    assertEquals(0.09139055367908058, north.getAbsLiftCiHigh(), 1e-12);
    assertEquals(0.06176021728671302, north.getPValue(), 1e-10);
    assertEquals(0.425, north.getRelLift(), 1e-12);
    assertEquals(-0.020250857946785494, north.getRelLiftCiLow(), 1e-10);
    assertEquals(1.0725968646877448, north.getRelLiftCiHigh(), 1e-10);
    assertEquals(17.894736842105264, north.getIncrementalConversions(), 1e-9);
    assertEquals(22.631578947368418, north.getIncrementalOrders(), 1e-9);
    assertEquals(-1.2693041536923022, north.getIncrementalOrdersCiLow(), 1e-8);
    assertEquals(46.53246204842914, north.getIncrementalOrdersCiHigh(), 1e-8);
    assertEquals(1000.0, north.getIncrementalRevenue(), 1e-9);
    assertEquals(-214.7976426709963, north.getIncrementalRevenueCiLow(), 1e-7);
    assertEquals(2214.7976426709965, north.getIncrementalRevenueCiHigh(), 1e-7);
    assertNull(north.getSpend());
    assertNull(north.getIncrementalRoas());

    // c2: no control rows → counts kept, estimates NULL; zero spend is recorded, ROAS is not.
    ExperimentLiftRecord c2 = rows.get(2);
    assertEquals(List.of(50L, 0L), List.of(c2.getTreatedN(), c2.getControlN()));
    assertEquals(0.1, c2.getTreatedRate(), 1e-12);
    assertNull(c2.getControlRate());
    assertNull(c2.getAbsLift());
    assertNull(c2.getPValue());
    assertNull(c2.getIncrementalRevenue());
    assertEquals(0.0, c2.getSpend(), 0.0);
    assertNull(c2.getIncrementalRoas());

    // c3: nobody converts in either arm → lift 0 with p 1, relative lift undefined; no spend row.
    ExperimentLiftRecord c3 = rows.get(3);
    assertEquals(0.0, c3.getAbsLift(), 0.0);
    assertEquals(1.0, c3.getPValue(), 0.0);
    assertNull(c3.getRelLift());
    assertNull(c3.getSpend());

    // Read-outs beside the lift. These rows have no CUPED sums (written as before the covariate
    // existed), so CUPED equals the unadjusted lift; no campaign plan is loaded, so no SRM check.
    assertEquals(c1.getAbsLift(), c1.getCupedAbsLift(), 0.0);
    // CUPED treats Y = converted as a numeric outcome: sample variances with n − 1,
    // ((120 − 120²/1000) + (100 − 100²/1000)) / 999 / 1000 → SE 0.0139927, low 0.02 − 1.959964 × SE.
    double se = Math.sqrt(((120 - 14.4) / 999 + (100 - 10.0) / 999) / 1000);
    assertEquals(0.02 - 1.959963984540054 * se, c1.getCupedAbsLiftCiLow(), 1e-12);
    assertEquals(0.0, c1.getCupedVarianceReduction(), 1e-12);
    assertNull(c1.getSrmPValue());
    assertEquals("continue", c1.getSeqStatus());
    assertTrue(c1.getSeqAbsLiftCiLow() < c1.getAbsLiftCiLow(), "the always-valid interval is wider");
    assertTrue(c1.getBayesProbBeatControl() > 0.5);
    // 7500/150 − 5000/120 revenue per order; the LTV uplift is revenue per member, 7.5 − 5.
    assertEquals(50.0 - 5000.0 / 120, c1.getRevenuePerOrderDiff(), 1e-9);
    assertEquals(2.5, c1.getLtvUplift(), 1e-12);
    // Campaigns family (c1, c3 defined; c2 undefined): BH of 0.1529 and 1.0 with m = 2 → 0.3058, 1.0.
    assertEquals(2 * 0.1529177818639462, c1.getPValueBhCampaigns(), 1e-10);
    assertNull(c1.getPValueBh());
    // c1's only segment is a family of one: adjusted = raw; segments get no Bayesian read-out.
    assertEquals(north.getPValue(), north.getPValueBh(), 1e-15);
    assertNull(north.getBayesProbBeatControl());

    // Idempotent: a second run replaces the day with identical rows; other days are untouched.
    CommandRun second = CommandRun.of(new ExperimentsTaskCommand(), "--ds", DS.toString());
    assertEquals(0, second.exitCode(), second.err());
    assertEquals(rows, liftRows());
    assertEquals(1, dsl.fetchCount(EXPERIMENT_LIFT, EXPERIMENT_LIFT.DS.eq(OTHER_DAY)));
  }
}
