package io.triangulate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.triangulate.core.cli.TaskFailure;
import io.triangulate.core.db.TableChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.triangulate.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.io.TempDir;

/** Loads hand-written landing files with known defects into a real (embedded) PostgreSQL. */
class IntervalLoaderIT {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");
  @RegisterExtension static final EmbeddedDatabase DB = new EmbeddedDatabase();
  private static DSLContext dsl;

  @BeforeAll
  static void start() {
    dsl = DB.dsl();
  }

  private static Path landing(Path dir) throws IOException {
    Files.writeString(dir.resolve("advertisers.csv"), "advertiser_id,advertiser_name,category\nA01,Acme,coffee\n");
    Files.writeString(
        dir.resolve("campaigns.csv"),
        "campaign_id,advertiser_id,campaign_name,channel,pricing_model,unit_price,daily_budget,start_date,end_date,holdout_share\n"
            + "C01,A01,\"Acme, spring\",email,CPM,10,100,2026-01-05,2026-01-30,0.2\n"
            + "C02,A99,Ghost advertiser,email,CPM,10,100,2026-01-05,2026-01-30,0.2\n" // line 3: unknown advertiser
            + "C03,A01,Backwards,email,CPM,10,100,2026-01-30,2026-01-05,0.2\n"); // line 4: end before start
    Files.writeString(
        dir.resolve("members.csv"),
        "region,member_id,age_band,loyalty_tier,signup_date\n" // columns in another order are fine
            + "north,M1,25-34,gold,2025-06-01\nsouth,M2,18-24,none,2025-07-01\n");
    Files.writeString(
        dir.resolve("ad_events.csv"),
        "event_id,event_ts,event_type,campaign_id,creative_id,member_id,cost\n"
            + "E1,2026-01-05T10:00:00Z,impression,C01,,M1,0.01\n"
            + "E2,2026-01-05T11:00:00+01:00,click,C01,,M1,0\n"
            + "E1,2026-01-05T10:00:00Z,impression,C01,,M1,0.01\n" // line 4: duplicate id
            + "E3,2026-01-05T12:00:00Z,impression,C01,,M1,-0.01\n" // line 5: negative cost
            + "E4,2026-01-06T00:00:00Z,impression,C01,,M1,0.01\n" // line 6: next day
            + "E5,2026-01-05T12:00:00Z,impression,C01,,M404,0.01\n" // line 7: unknown member
            + "E6,2026-01-05T12:00:00Z,view,C01,,M2,0.01\n" // line 8: bad event type
            + "E7,2026-01-05T12:00:00Z,impression,C01,,M2\n"); // line 9: missing field
    Files.writeString(
        dir.resolve("transactions.csv"),
        "order_id,order_ts,member_id,advertiser_id,revenue,items\n"
            + "O1,2026-01-05T20:00:00Z,M1,A01,12.50,1\nO2,2026-01-05T21:00:00Z,M2,A01,abc,1\n");
    return dir;
  }

  @Test
  void quarantinesEveryBadRowWithLineFieldAndReasonAndReconciles(@TempDir Path dir) throws IOException {
    List<FileReconciliation> files = new IntervalLoader(DB.dataSource()).load(landing(dir), DS, r -> {});

    Map<String, FileReconciliation> bySource = new java.util.HashMap<>();
    files.forEach(f -> bySource.put(f.source(), f));
    assertEquals(new FileReconciliation("campaigns", "campaigns.csv", 3, 1, 2, 0), bySource.get("campaigns"));
    assertEquals(new FileReconciliation("ad_events", "ad_events.csv", 8, 2, 5, 1), bySource.get("ad_events"));
    assertEquals(new FileReconciliation("transactions", "transactions.csv", 2, 1, 1, 0), bySource.get("transactions"));

    List<String> quarantine =
        dsl.fetch("select source || ':' || line || ':' || coalesce(field, '-') || ':' || reason from raw.load_quarantine order by source, line")
            .getValues(0, String.class);
    assertEquals(
        List.of(
            "ad_events:5:cost:cost must be in [0, ∞], got -0.01",
            "ad_events:6:event_ts:event_ts is 2026-01-06T00:00:00Z, outside the interval 2026-01-05 (UTC)",
            "ad_events:7:member_id:member_id 'M404' does not exist in members",
            "ad_events:8:event_type:event_type must be one of [click, ghost_impression, impression], got 'view'",
            "ad_events:9:-:has 6 fields, the header has 7",
            "campaigns:3:advertiser_id:advertiser_id 'A99' does not exist in advertisers",
            "campaigns:4:-:end_date 2026-01-05 is before start_date 2026-01-30",
            "transactions:3:revenue:revenue is not a number: 'abc'"),
        quarantine);
    assertEquals(
        "E3,2026-01-05T12:00:00Z,impression,C01,,M1,-0.01",
        dsl.fetchSingle("select raw_text from raw.load_quarantine where source = 'ad_events' and line = 5").get(0, String.class));
    // Offsets are normalised to UTC: 11:00+01:00 is 10:00Z.
    assertEquals(
        "2026-01-05T10:00Z",
        dsl.fetchSingle("select to_char(event_ts at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"') from raw.ad_events where event_id = 'E2'").get(0, String.class));
    assertEquals("Acme, spring", dsl.fetchSingle("select campaign_name from raw.campaigns where campaign_id = 'C01'").get(0, String.class));
  }

  @Test
  void aFactsOnlyDayChecksReferencesAgainstEarlierDays(@TempDir Path day1, @TempDir Path day2) throws IOException {
    IntervalLoader loader = new IntervalLoader(DB.dataSource());
    loader.load(landing(day1), DS, r -> {});
    Files.writeString(
        day2.resolve("ad_events.csv"),
        "event_id,event_ts,event_type,campaign_id,creative_id,member_id,cost\n"
            + "E10,2026-01-06T10:00:00Z,impression,C01,,M2,0.01\n"
            + "E11,2026-01-06T10:00:00Z,impression,C02,,M2,0.01\n"); // C02 was quarantined on day 1
    List<FileReconciliation> files = loader.load(day2, DS.plusDays(1), r -> {});
    assertEquals(List.of(new FileReconciliation("ad_events", "ad_events.csv", 2, 1, 1, 0)), files);
  }

  @Test
  void knownIdsKeptBetweenLoadsSeeAChangeMadeOutsideTheLoader(@TempDir Path day1, @TempDir Path day2)
      throws IOException {
    IntervalLoader loader = new IntervalLoader(DB.dataSource());
    loader.load(landing(day1), DS, r -> {});
    String events = "event_id,event_ts,event_type,campaign_id,creative_id,member_id,cost\n"
        + "E40,2026-01-15T10:00:00Z,impression,C01,,M1,0.01\n"
        + "E41,2026-01-15T10:00:00Z,impression,C01,,M2,0.01\n";
    Files.writeString(day2.resolve("ad_events.csv"), events);
    LocalDate later = DS.plusDays(10);
    assertEquals(List.of(new FileReconciliation("ad_events", "ad_events.csv", 2, 2, 0, 0)),
        loader.load(day2, later, r -> {}), "both members known; the member ids are now kept in this process");
    dsl.execute("delete from raw.members where member_id = 'M2'");
    try {
      assertEquals(List.of(new FileReconciliation("ad_events", "ad_events.csv", 2, 1, 1, 0)),
          loader.load(day2, later, r -> {}), "the kept ids must not hide the deleted member");
    } finally {
      dsl.execute("insert into raw.members (member_id, region, age_band, loyalty_tier, signup_date, load_ds)"
          + " values ('M2', 'south', '18-24', 'none', '2025-07-01', ?)", DS);
    }
  }

  @Test
  void anIdAlreadyLoadedOnAnotherDayIsADuplicateAndTheRestOfTheFileStillLoads(@TempDir Path day1, @TempDir Path day3)
      throws IOException {
    IntervalLoader loader = new IntervalLoader(DB.dataSource());
    loader.load(landing(day1), DS, r -> {});
    Files.writeString(
        day3.resolve("transactions.csv"),
        "order_id,order_ts,member_id,advertiser_id,revenue,items\n"
            + "O1,2026-01-07T09:00:00Z,M1,A01,99.00,1\n" // O1 was loaded on 2026-01-05
            + "O30,2026-01-07T09:30:00Z,M2,A01,5.00,2\n");
    LocalDate third = DS.plusDays(2);
    List<FileReconciliation> files = loader.load(day3, third, r -> {});
    assertEquals(List.of(new FileReconciliation("transactions", "transactions.csv", 2, 1, 0, 1)), files);
    assertEquals(
        "12.50 on 2026-01-05",
        DB.dsl().fetchSingle("select revenue || ' on ' || load_ds from raw.transactions where order_id = 'O1'").get(0, String.class),
        "the first load of an id wins");
    assertEquals(1L, DB.dsl().fetchSingle("select count(*) from raw.transactions where load_ds = ?", third).get(0, Long.class));
  }

  @Test
  void reloadingTheSameIntervalChangesNothing(@TempDir Path dir) throws IOException {
    IntervalLoader loader = new IntervalLoader(DB.dataSource());
    loader.load(landing(dir), DS, r -> {});
    Map<String, String> once = TableChecksum.ofSchemas(dsl, List.of("raw"));
    loader.load(dir, DS, r -> {});
    assertEquals(once, TableChecksum.ofSchemas(dsl, List.of("raw")));
    assertEquals(2L, dsl.fetchSingle("select count(*) from raw.ad_events where load_ds = ?", DS).get(0, Long.class));
  }

  @Test
  void aMalformedFileFailsTheWholeIntervalAndWritesNothing(@TempDir Path dir) throws IOException {
    IntervalLoader loader = new IntervalLoader(DB.dataSource());
    loader.load(landing(dir), DS, r -> {});
    Map<String, String> before = TableChecksum.ofSchemas(dsl, List.of("raw"));

    Files.writeString(dir.resolve("transactions.csv"), "order_id,when,member_id,advertiser_id,revenue,items\nO9,x,M1,A01,1,1\n");
    TaskFailure failure = assertThrows(TaskFailure.class, () -> loader.load(dir, DS, r -> {}));
    assertTrue(failure.getMessage().contains("transactions.csv: line 1: header does not match"), failure.getMessage());
    assertTrue(failure.getMessage().contains("missing columns [order_ts]"), failure.getMessage());
    assertTrue(failure.getMessage().contains("unknown columns [when]"), failure.getMessage());
    assertTrue(failure.getMessage().contains("nothing was written"), failure.getMessage());
    assertEquals(before, TableChecksum.ofSchemas(dsl, List.of("raw")), "the earlier files of the interval were rolled back");
  }
}
