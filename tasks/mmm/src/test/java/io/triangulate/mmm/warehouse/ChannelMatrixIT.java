package io.triangulate.mmm.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.sql.SqlModel;
import io.triangulate.core.sql.SqlModelMaterializer;
import io.triangulate.core.testing.EmbeddedDatabase;
import io.triangulate.mmm.data.MmmDataset;
import io.triangulate.mmm.model.LiftTest;
import io.triangulate.mmm.model.MediaResponseModel;
import io.triangulate.mmm.model.ModelInputs;
import io.triangulate.mmm.model.ModelResult;
import io.triangulate.mmm.model.ModelSpec;
import io.triangulate.mmm.ridge.RidgeMmm;
import io.triangulate.mmm.ridge.RidgeSettings;
import io.triangulate.mmm.synthetic.SyntheticMmm;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MMM marts and their reader on hand-made fixtures: 15 days from Monday 2026-01-05 (two
 * complete weeks and one Monday), two advertisers, onsite delivery in fct_campaign_daily, brand
 * media in raw.channel_spend, platform orders and web purchases. Every expected value is a sum that
 * can be checked by hand from the fixture formulas below.
 */
class ChannelMatrixIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
  static final int DAYS = 15;
  static final List<SqlModel> MODELS =
      List.of("mmm_channel_daily", "mmm_target_daily", "mmm_channel_weekly", "mmm_target_weekly").stream()
          .map(SqlModel::load).toList();

  @BeforeAll
  static void fixtures() {
    DSLContext dsl = DB.dsl();
    dsl.execute("insert into raw.advertisers values ('A01', 'One', 'grocery', ?), ('A02', 'Two', 'beauty', ?)", FIRST, FIRST);
    for (int d = 0; d < DAYS; d++) {
      LocalDate ds = FIRST.plusDays(d);
      // Onsite: A01 search spends 10 + d, A02 search 5; A01 email is live but spends nothing.
      dsl.execute("insert into marts.fct_campaign_daily (ds, campaign_id, advertiser_id, campaign_name, channel, impressions,"
          + " clicks, spend, reached_members, attributed_orders, attributed_revenue) values"
          + " (?, 'C01', 'A01', 'one', 'onsite_search', 100, 5, ?, 50, 0, 0),"
          + " (?, 'C02', 'A02', 'two', 'onsite_search', 40, 2, 5, 20, 0, 0),"
          + " (?, 'C03', 'A01', 'three', 'email', 0, 0, 0, 0, 0, 0)", ds, 10 + d, ds, ds);
      // Brand media: A01 linear TV 100 on weekdays; A02 OOH 20 every day, its id written untidily.
      if (ds.getDayOfWeek().getValue() <= 5) {
        dsl.execute("insert into raw.channel_spend values (?, 'A01', 'linear_tv', 100, 5000, ?)", ds, ds);
      }
      dsl.execute("insert into raw.channel_spend values (?, ' a02', 'ooh', 20, null, ?)", ds, ds);
      // Orders: A01 one platform order of 10·(d+1) and one web order of 7; A02 one platform order of 5.
      dsl.execute("insert into raw.transactions values (?, ?::date + time '12:00', 'M0000001', 'A01', ?, 1, ?),"
          + " (?, ?::date + time '13:00', 'M0000002', 'A02', 5, 1, ?)",
          "O1-" + d, ds, 10 * (d + 1), ds, "O2-" + d, ds, ds);
      dsl.execute("insert into raw.web_purchases values (?, ?::date + time '14:00', 'K0000001', null, 'A01', 7, ?)", "W" + d, ds, ds);
    }
    for (int d = 0; d < DAYS; d++) {
      build(FIRST.plusDays(d));
    }
  }

  static void build(LocalDate ds) {
    new SqlModelMaterializer(DB.dsl()).materialize(MODELS, ds, Map.of(), r -> {});
  }

  @Test
  void dailyMartsSumDeliveryBrandSpendAndAllOrders() {
    DSLContext dsl = DB.dsl();
    var target = dsl.fetchSingle("select platform_revenue, web_revenue, revenue, orders, day_of_week, is_weekend"
        + " from marts.mmm_target_daily where ds = ? and advertiser_id = 'A01'", FIRST.plusDays(5));
    assertEquals(60.0, target.get("platform_revenue", Double.class));
    assertEquals(7.0, target.get("web_revenue", Double.class));
    assertEquals(67.0, target.get("revenue", Double.class));
    assertEquals(2L, target.get("orders", Long.class));
    assertEquals(6, target.get("day_of_week", Integer.class)); // 2026-01-10 is a Saturday
    assertEquals(true, target.get("is_weekend", Boolean.class));
    assertEquals(4, dsl.fetchSingle("select count(*) from marts.mmm_channel_daily where ds = ?", FIRST.plusDays(5))
        .get(0, Integer.class), "A01 search and email, A02 search and OOH; no TV on Saturday");
    assertEquals("A02", dsl.fetchSingle("select advertiser_id from marts.mmm_channel_daily where channel = 'ooh' limit 1")
        .get(0, String.class), "staging trims and upper-cases the advertiser id");
  }

  @Test
  void weeklyRowsAreWeekToDateAndTheLastDayCarriesTheTotal() {
    DSLContext dsl = DB.dsl();
    // Week 1 = days 0..6: A01 search spend Σ(10 + d) = 91; TV 5 weekdays · 100.
    assertEquals(91.0, dsl.fetchSingle("select spend from marts.mmm_channel_weekly where ds = ? and advertiser_id = 'A01'"
        + " and channel = 'onsite_search'", FIRST.plusDays(6)).get(0, Double.class));
    assertEquals(10.0 + 11 + 12, dsl.fetchSingle("select spend from marts.mmm_channel_weekly where ds = ? and advertiser_id = 'A01'"
        + " and channel = 'onsite_search'", FIRST.plusDays(2)).get(0, Double.class));
    var week = dsl.fetchSingle("select days_built, revenue, weekend_days from marts.mmm_target_weekly where ds = ?"
        + " and advertiser_id = 'A01'", FIRST.plusDays(13));
    assertEquals(7, week.get("days_built", Integer.class));
    // Days 7..13: Σ 10·(d+1) = 10·(8 + … + 14) = 770, plus 7 web orders of 7.
    assertEquals(770.0 + 49, week.get("revenue", Double.class));
    assertEquals(2, week.get("weekend_days", Integer.class));
  }

  @Test
  void rebuildingADayLeavesTheSameRows() {
    DSLContext dsl = DB.dsl();
    String checksum = "select count(*), sum(spend) from marts.mmm_channel_weekly";
    var before = dsl.fetchSingle(checksum).intoArray();
    build(FIRST.plusDays(3));
    build(FIRST.plusDays(3));
    assertArrayEquals(before, dsl.fetchSingle(checksum).intoArray());
  }

  @Test
  void dailyMatrixSumsAdvertisersDropsSilentChannelsAndAddsDayOfWeek() {
    ChannelMatrixReader.Matrix m = new ChannelMatrixReader(DB.dsl())
        .read(FIRST, FIRST.plusDays(DAYS - 1), Grain.DAILY, WarehouseTarget.REVENUE, ChannelMatrixReader.ALL);
    MmmDataset data = m.dataset();
    assertEquals(DAYS, data.periods());
    assertEquals(List.of("onsite_search", "linear_tv", "ooh"), data.channels(), "platform first, then brand; email dropped");
    assertEquals(List.of("platform", "brand", "brand"), m.sources());
    assertTrue(m.notes().get(0).contains("[email]"), m.notes().toString());
    assertEquals(15.0, data.spend()[0][0]);
    assertEquals(0.0, data.spend()[1][5]);
    assertEquals(10 + 7 + 5.0, data.target()[0]);
    assertEquals(List.of("dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"), data.controls());
    assertEquals(1.0, data.controlValues()[4][5]);
  }

  @Test
  void weeklyMatrixKeepsOnlyCompleteWeeksAndOneAdvertiser() {
    ChannelMatrixReader.Matrix m = new ChannelMatrixReader(DB.dsl())
        .read(FIRST, FIRST.plusDays(DAYS - 1), Grain.WEEKLY, WarehouseTarget.ORDERS, "A01");
    MmmDataset data = m.dataset();
    assertArrayEquals(new LocalDate[] {FIRST, FIRST.plusDays(7)}, data.dates());
    assertTrue(m.notes().get(0).contains("incomplete week"), m.notes().toString());
    assertEquals(List.of("onsite_search", "linear_tv"), data.channels());
    assertArrayEquals(new double[] {14, 14}, data.target());
    assertArrayEquals(new double[] {91, 91 + 49}, data.spend()[0]);
    assertArrayEquals(new double[] {500, 500}, data.spend()[1]);
  }

  @Test
  void experimentsBecomeHoldoutLiftTestsOnTheirChannel() {
    DSLContext dsl = DB.dsl();
    LocalDate ds = FIRST.plusDays(13);
    dsl.execute("insert into marts.fct_campaign_to_date (ds, campaign_id, advertiser_id, campaign_name, channel, start_date,"
        + " end_date, daily_budget, days_live, impressions, clicks, spend, attributed_orders, attributed_revenue) values"
        + " (?, 'C01', 'A01', 'one', 'onsite_search', ?, ?, 100, 10, 0, 0, 200, 0, 0),"
        + " (?, 'C03', 'A01', 'three', 'email', ?, ?, 100, 10, 0, 0, 0, 0, 0)",
        ds, FIRST.plusDays(1), FIRST.plusDays(4), ds, FIRST, FIRST.plusDays(4));
    dsl.execute("insert into marts.experiment_lift (ds, campaign_id, segment_type, segment_value, treated_n, control_n,"
        + " treated_converters, control_converters, incremental_revenue, incremental_revenue_ci_low,"
        + " incremental_revenue_ci_high, spend) values"
        + " (?, 'C01', 'all', 'all', 100, 20, 10, 1, 300, 104.003602, 495.996398, 200),"
        + " (?, 'C03', 'all', 'all', 100, 20, 10, 1, 50, 0, 100, 0)", ds, ds);
    ExperimentLiftTests.Read read = new ExperimentLiftTests(dsl)
        .read(FIRST, ds, 7, WarehouseTarget.REVENUE, ChannelMatrixReader.ALL, List.of("onsite_search", "linear_tv"));
    assertEquals(1, read.tests().size());
    LiftTest test = read.tests().get(0);
    assertEquals("onsite_search", test.channel());
    assertEquals(FIRST.plusDays(1), test.start());
    assertEquals(FIRST.plusDays(11), test.end(), "end + 7 post-campaign days");
    assertEquals(-200.0, test.spendChange());
    assertEquals(-300.0, test.incrementalRevenue());
    assertEquals(100.0, test.standardError(), 1e-4, "half-width 195.996398 / 1.959964");
    assertEquals(List.of("C03 (channel email not modelled)"), read.skipped());
  }

  @Test
  void aFitReplacesItsRowsAndTheStoredModelReadsBack() {
    SyntheticMmm.Generated generated = SyntheticMmm.generate(60, 2, 3);
    ModelInputs inputs = ModelInputs.prepare(generated.data(), ModelSpec.defaults());
    ModelResult ridge = RidgeMmm.fit(inputs, List.of(), new RidgeSettings(60, 1, 7, 1, 0.02, 20, 2, 8)).result();
    MmmResultStore store = new MmmResultStore(DB.dsl());
    FitKey key = new FitKey(LocalDate.of(2022, 2, 21), Grain.WEEKLY);
    int first = store.replaceFit(key, inputs, List.of(ridge), "all");
    int second = store.replaceFit(key, inputs, List.of(ridge), "all");
    assertEquals(first, second);
    assertEquals(60 * ridge.decomposition().components().size(), DB.dsl().fetchSingle(
        "select count(*) from marts.mmm_decomposition where ds = ? and grain = 'weekly'", key.ds()).get(0, Integer.class));
    assertEquals(key, store.latestFit(Grain.WEEKLY).orElseThrow());
    MediaResponseModel stored = store.models(key).get(0);
    assertEquals(ridge.response().channels(), stored.channels());
    assertEquals(ridge.response().point().channel(1).beta(), stored.point().channel(1).beta());
    assertEquals(ridge.channelSummaries().get(0).roas(), DB.dsl().fetchSingle(
        "select roas from marts.mmm_channel_summary where ds = ? and channel = ?", key.ds(),
        ridge.channelSummaries().get(0).channel()).get(0, Double.class));
  }
}
