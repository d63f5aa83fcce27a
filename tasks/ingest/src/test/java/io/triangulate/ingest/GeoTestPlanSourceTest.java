package io.triangulate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The geo_test_plans landing file's rules (docs/input-formats.md, "Geo test plans"). */
class GeoTestPlanSourceTest {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");
  private final SourceSpec spec = Sources.GEO_TEST_PLANS;

  private FieldRule rule(String field) {
    return spec.fields().get(spec.indexOf(field)).rule();
  }

  @Test
  void columnsAreTheDocumentedOnesAndTheTestIdIsTheKey() {
    assertEquals(java.util.List.of("test_id", "advertiser_id", "channel", "treated_markets", "start_week", "end_week",
        "spend_multiplier", "planned_spend_change"), spec.fieldNames());
    assertEquals(java.util.List.of("test_id"), spec.key());
    assertEquals("advertisers", spec.fields().get(spec.indexOf("advertiser_id")).references());
  }

  @Test
  void treatedMarketsAreANonEmptyListOfDistinctIds() {
    FieldRule markets = rule("treated_markets");
    assertEquals("M03;M07;M11", markets.apply("M03;M07;M11", DS));
    assertEquals("M02", markets.apply("M02", DS));
    RowRejected empty = assertThrows(RowRejected.class, () -> markets.apply("M03;;M07", DS));
    assertTrue(empty.getMessage().contains("empty market id"), empty.getMessage());
    assertThrows(RowRejected.class, () -> markets.apply("M03;", DS));
    assertThrows(RowRejected.class, () -> markets.apply("", DS));
    assertThrows(RowRejected.class, () -> markets.apply("M03 M07", DS));
    RowRejected twice = assertThrows(RowRejected.class, () -> markets.apply("M03;M07;M03", DS));
    assertTrue(twice.getMessage().contains("M03 twice"), twice.getMessage());
  }

  @Test
  void interventionAndSpendChangeRules() {
    assertThrows(RowRejected.class, () -> rule("channel").apply("onsite_display", DS), "only brand media are geo-tested");
    assertEquals("linear_tv", rule("channel").apply("linear_tv", DS));
    assertEquals("0", rule("spend_multiplier").apply("0", DS));
    assertThrows(RowRejected.class, () -> rule("spend_multiplier").apply("-0.5", DS));
    assertEquals("-352.04", rule("planned_spend_change").apply("-352.04", DS), "a cut is negative");
  }

  @Test
  void theWindowMustNotEndBeforeItStarts() {
    String[] ok = {"GEO-1", "A01", "linear_tv", "M03", "2025-10-13", "2026-01-04", "0", "-100"};
    assertNull(spec.rowCheck().apply(ok, DS));
    String[] reversed = {"GEO-1", "A01", "linear_tv", "M03", "2026-01-04", "2025-10-13", "0", "-100"};
    assertEquals("end_week 2025-10-13 is before start_week 2026-01-04", spec.rowCheck().apply(reversed, DS));
  }
}
