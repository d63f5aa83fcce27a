package io.triangulate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FieldRuleTest {

  private static final LocalDate DS = LocalDate.parse("2026-01-05");
  private final FieldRule timestamp = FieldRule.timestampInInterval();

  @Test
  void canonicalUtcTimestampsComeBackAsTheGeneralParserWouldWriteThem() {
    for (String v : new String[] {"2026-01-05T00:00:00Z", "2026-01-05T23:59:59Z", "2026-01-05T10:07:30Z"}) {
      assertEquals(OffsetDateTime.parse(v).toInstant().toString(), timestamp.apply(v, DS), v);
    }
    // Other spellings of an instant in the interval go through the parser and come out in UTC.
    assertEquals("2026-01-05T09:00:00Z", timestamp.apply("2026-01-05T10:00:00+01:00", DS));
    assertEquals("2026-01-05T10:00:00.250Z", timestamp.apply("2026-01-05T10:00:00.25Z", DS));
  }

  @Test
  void lookAlikesOfTheCanonicalFormAreStillRejected() {
    for (String v : new String[] {"2026-01-05T24:00:00Z", "2026-01-05T10:60:00Z", "2026-01-05T1a:00:00Z",
        "2026-01-06T00:00:00Z", "2026-01-04T23:59:59Z"}) {
      assertThrows(RowRejected.class, () -> timestamp.apply(v, DS), v);
    }
  }

  @Test
  void canonicalDatesComeBackAsTheGeneralParserWouldWriteThem() {
    FieldRule date = FieldRule.date();
    for (String v : new String[] {"2026-01-05", "2024-02-29", "1999-12-31", "1000-01-01", "9999-12-31"}) {
      assertEquals(LocalDate.parse(v).toString(), date.apply(v, DS), v);
      assertEquals(true, FieldRule.isCanonicalDate(v), v);
    }
  }

  @Test
  void impossibleOrOddlyWrittenDatesTakeTheGeneralPath() {
    FieldRule date = FieldRule.date();
    for (String v : new String[] {"2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0999-01-01",
        "2026-1-05", "2026/01/05", "2026-01-5x", "+12026-01-05"}) {
      assertEquals(false, FieldRule.isCanonicalDate(v), v);
    }
    for (String v : new String[] {"2026-02-29", "2026-04-31", "2026-13-01", "2026-1-05", "2026/01/05"}) {
      assertThrows(RowRejected.class, () -> date.apply(v, DS), v);
    }
  }

  @Test
  void aDateAfterTheIntervalIsRejectedAndOneOnOrBeforeItIsKept() {
    FieldRule notAfter = FieldRule.dateNotAfterInterval();
    assertEquals("2026-01-05", notAfter.apply("2026-01-05", DS));
    assertEquals("2025-12-31", notAfter.apply("2025-12-31", DS));
    assertEquals("0999-01-01", notAfter.apply("0999-01-01", DS));
    for (String v : new String[] {"2026-01-06", "2027-01-01", "2026-02-01", "+10000-01-01"}) {
      assertThrows(RowRejected.class, () -> notAfter.apply(v, DS), v);
    }
  }
}
