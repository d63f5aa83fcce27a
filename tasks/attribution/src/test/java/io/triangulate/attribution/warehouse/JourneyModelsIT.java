package io.triangulate.attribution.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.triangulate.core.cli.Progress;
import io.triangulate.core.testing.EmbeddedDatabase;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity and journey SQL models on a hand-made world of three days, one advertiser, a
 * one-day lookback. Every expected row below is worked out by hand in the comments.
 */
class JourneyModelsIT {

  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();

  static final LocalDate D1 = LocalDate.parse("2026-01-01");
  static final LocalDate D2 = LocalDate.parse("2026-01-02");
  static final LocalDate D3 = LocalDate.parse("2026-01-03");
  static final AttributionConfig CONFIG = new AttributionConfig(
      new AttributionConfig.Journeys(1, 20),
      new AttributionConfig.Models(365, List.of("last_touch"), 7, List.of(0.4, 0.2, 0.4)),
      new AttributionConfig.SeedRegression(7, "sunday"));

  static DSLContext dsl;

  @BeforeAll
  static void world() {
    Progress.setQuiet(true);
    dsl = DB.dsl();
    Fixtures.load(dsl);
    JourneyModels.build(dsl, D1, CONFIG);
    JourneyModels.build(dsl, D2, CONFIG);
    JourneyModels.build(dsl, D3, CONFIG);
  }

  private static List<String> rows(String sql, Object... binds) {
    return dsl.fetch(sql, binds).map(r -> r.get(0, String.class));
  }

  @Test
  void componentsJoinPersonLevelIdsTransitivelyButNeverThroughAHousehold() {
    // Day 1: K2 - U1 - M1 - K1 is one person (two hops from K2); M1 and M2 share household H1 but
    // stay two persons; K4 - U4 has no member and is keyed by its smallest node; D1 belongs to H1.
    assertEquals(
        List.of(
            "cookie:K0000001|M0000001|M0000001|H0000001|1|4",
            "cookie:K0000002|M0000001|M0000001|H0000001|1|4",
            "cookie:K0000004|cookie:K0000004|||0|2",
            "device:D0000001|||H0000001|0|1",
            "member:M0000001|M0000001|M0000001|H0000001|1|4",
            "member:M0000002|M0000002|M0000002|H0000001|1|1",
            "streaming_user:U0000001|M0000001|M0000001|H0000001|1|4",
            "streaming_user:U0000004|cookie:K0000004|||0|2"),
        rows("select concat_ws('|', node, coalesce(person_key, ''), coalesce(member_id, ''), coalesce(household_id, ''),"
            + " component_members, component_size) from marts.identity_resolution where ds = ? order by node", D1));
    // Day 2 rewrites only the components its links touch: K5 joins M2; K4 - U4 merges into M3.
    assertEquals(
        List.of(
            "cookie:K0000004|M0000003|3",
            "cookie:K0000005|M0000002|2",
            "member:M0000002|M0000002|2",
            "member:M0000003|M0000003|3",
            "streaming_user:U0000004|M0000003|3"),
        rows("select concat_ws('|', node, person_key, component_size) from marts.identity_resolution where ds = ? order by node", D2));
  }

  @Test
  void streamingReLogsInTheSameSecondCountOnce() {
    // S1 and S2: same device, advertiser, creative and second; S1 (the lowest log_id) is kept.
    // S3 is the same device one second later: a separate impression.
    assertEquals(List.of("S1", "S3", "S4"),
        rows("select log_id from staging.stg_streaming_impressions where stream_date = ? order by log_id", D1));
  }

  @Test
  void householdExposureReachesEveryLinkedMemberAndUnlinkedHouseholdsAreDropped() {
    assertEquals(
        List.of(
            "M0000001|linear_tv|airing|T1", "M0000001|onsite_search|click|E2", "M0000001|onsite_search|impression|E1",
            "M0000001|streaming|streaming_impression|S1", "M0000001|streaming|streaming_impression|S3",
            "M0000002|linear_tv|airing|T1", "M0000002|streaming|streaming_impression|S1",
            "M0000002|streaming|streaming_impression|S3", "cookie:K0000004|streaming|streaming_impression|S4"),
        rows("select concat_ws('|', person_key, channel, touch_type, source_id) from marts.journey_touchpoints"
            + " where ds = ? order by 1", D1));
  }

  @Test
  void matchRatePerSourceAndIdKind() {
    assertEquals(
        List.of("ad_events|member|2|2|1", "streaming_impressions|device|2|2|1",
            "streaming_impressions|streaming_user|1|0|0", "tv_airings|household|2|1|0.5"),
        rows("select concat_ws('|', source, id_kind, rows, matched_rows, match_rate) from marts.identity_match_daily"
            + " where ds = ? order by 1", D1));
    assertEquals(
        List.of("ad_events|member|2|2|1", "transactions|member|2|2|1", "web_purchases|cookie|1|0|0",
            "web_purchases|member|1|1|1", "web_visits|cookie|2|1|0.5"),
        rows("select concat_ws('|', source, id_kind, rows, matched_rows, match_rate) from marts.identity_match_daily"
            + " where ds = ? order by 1", D2));
  }

  @Test
  void journeysKeepTheLookbackAndStartAfterThePreviousConversion() {
    // O1 (M1, 12:00 on day 2): the one-day lookback drops the ad touches of day 1 at 10:00 and
    // 10:05 and keeps TV (20:00), streaming (21:00 and 21:00:01), email (08:00) and the visit of K2
    // (09:00). O2 (13:00) follows O1 with no touch in between. W1 (cookie K3, unresolved) has its
    // direct visit; W2 (M2, 10:00) the household's TV and streaming.
    assertEquals(
        List.of(
            "M0000001|O1|50|5|{linear_tv,streaming,streaming,email,web_search}|{linear_tv,streaming,streaming,C02,web_search}",
            "M0000001|O2|20|0|{}|{}",
            "M0000002|W2|30|3|{linear_tv,streaming,streaming}|{linear_tv,streaming,streaming}",
            "cookie:K0000003|W1|12.5|1|{web_direct}|{web_direct}",
            // closed on day 2: K4's day-1 streaming touch, no later touch or conversion
            "cookie:K0000004||0|1|{streaming}|{streaming}"),
        rows("select concat_ws('|', person_key, coalesce(conversion_id, ''), value, touches, channels, labels)"
            + " from marts.journeys where ds = ? order by person_key, conversion_id", D2));
    // Day 3 closes M3's day-2 impression (the U4 touch of day 1 stays with cookie:K0000004: resolved as of its day).
    assertEquals(List.of("M0000003||0|1|{onsite_search}"),
        rows("select concat_ws('|', person_key, coalesce(conversion_id, ''), value, touches, channels)"
            + " from marts.journeys where ds = ? order by person_key", D3));
  }

  @Test
  void pathCountsAtChannelAndCampaignLevel() {
    assertEquals(
        List.of(
            "campaign|linear_tv > streaming > streaming|0 > 0 > 0|1|30|0",
            "campaign|linear_tv > streaming > streaming > C02 > web_search|0 > 0 > 0 > 0 > 0|1|50|0",
            "campaign|streaming|0|0|0|1",
            "campaign|web_direct|0|1|12.5|0",
            "channel|linear_tv > streaming > streaming|0 > 0 > 0|1|30|0",
            "channel|linear_tv > streaming > streaming > email > web_search|0 > 0 > 0 > 0 > 0|1|50|0",
            "channel|streaming|0|0|0|1",
            "channel|web_direct|0|1|12.5|0"),
        rows("select concat_ws('|', level, path, days_before_conversion, conversions, value, nulls) from marts.path_counts"
            + " where ds = ? order by level, path", D2));
  }

  @Test
  void rebuildingADayLeavesIdenticalRows() {
    String checksum = "select md5(string_agg(t::text, ',' order by t::text)) from %s t where ds = ?";
    List<String> tables = List.of("marts.identity_resolution", "marts.journey_touchpoints", "marts.journeys", "marts.path_counts");
    List<String> before = tables.stream().map(t -> dsl.fetchSingle(checksum.formatted(t), D2).get(0, String.class)).toList();
    JourneyModels.build(dsl, D2, CONFIG);
    List<String> after = tables.stream().map(t -> dsl.fetchSingle(checksum.formatted(t), D2).get(0, String.class)).toList();
    assertEquals(before, after);
  }
}
