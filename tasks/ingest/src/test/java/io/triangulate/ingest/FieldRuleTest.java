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
}
