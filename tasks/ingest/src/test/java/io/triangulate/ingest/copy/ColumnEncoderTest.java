package io.triangulate.ingest.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Bytes of PostgreSQL's binary COPY values, worked out by hand from the formats of numeric_send,
 * date_send and timestamptz_send (src/backend/utils/adt): each value is a four-byte length, then
 * the value in network byte order.
 */
class ColumnEncoderTest {

  /** numeric(14,6): typmod = ((14 << 16) | 6) + 4. */
  private static final int NUMERIC_14_6 = ((14 << 16) | 6) + 4;

  private static byte[] encode(String type, int typmod, String value) {
    CopyBuffer out = new CopyBuffer(16);
    ColumnEncoder.forType(type, typmod).write(value, out);
    return out.toByteArray();
  }

  /** Length, then ndigits, weight, sign, dscale and the base-10000 digits, all 16-bit. */
  private static byte[] numeric(int weight, int sign, int dscale, int... digits) {
    CopyBuffer b = new CopyBuffer(16);
    b.putInt(8 + 2 * digits.length);
    b.putShort(digits.length);
    b.putShort(weight);
    b.putShort(sign);
    b.putShort(dscale);
    for (int d : digits) {
      b.putShort(d);
    }
    return b.toByteArray();
  }

  @Test
  void numericHalfIsOneDigitOfFiveThousandAfterThePoint() {
    assertArrayEquals(numeric(-1, 0x0000, 6, 5000), encode("numeric", NUMERIC_14_6, "0.5"));
  }

  @Test
  void numericGroupsFourDecimalDigitsEitherSideOfThePoint() {
    // 123456.789 = 12 * 10000^1 + 3456 * 10000^0 + 7890 * 10000^-1
    assertArrayEquals(numeric(1, 0x0000, 6, 12, 3456, 7890), encode("numeric", NUMERIC_14_6, "123456.789"));
    // 10000 is one digit of weight 1; the zero digit after it is dropped
    assertArrayEquals(numeric(1, 0x0000, 6, 1), encode("numeric", NUMERIC_14_6, "10000.00"));
  }

  @Test
  void numericRoundsHalfAwayFromZeroToTheColumnScale() {
    // -0.0000005 rounds to -0.000001 = -100 * 10000^-2
    assertArrayEquals(numeric(-2, 0x4000, 6, 100), encode("numeric", NUMERIC_14_6, "-0.0000005"));
    assertArrayEquals(numeric(-2, 0x0000, 6, 100), encode("numeric", NUMERIC_14_6, "0.0000005"));
    assertArrayEquals(numeric(0, 0x0000, 6), encode("numeric", NUMERIC_14_6, "0.0000004"));
  }

  @Test
  void numericZeroHasNoDigits() {
    assertArrayEquals(numeric(0, 0x0000, 6), encode("numeric", NUMERIC_14_6, "0"));
    assertArrayEquals(numeric(0, 0x0000, 6), encode("numeric", NUMERIC_14_6, "-0.000"));
  }

  @Test
  void numericKeepsExponentNotationAndUnconstrainedScale() {
    assertArrayEquals(numeric(1, 0x0000, 6, 1, 5000), encode("numeric", NUMERIC_14_6, "1.5e4"));
    assertArrayEquals(numeric(0, 0x0000, 2, 12, 3400), encode("numeric", -1, "12.34"));
    assertArrayEquals(numeric(1, 0x0000, 0, 10), encode("numeric", -1, "1E+5"));
  }

  @Test
  void numericBeyondThePrecisionIsRejected() {
    assertArrayEquals(numeric(1, 0x0000, 6, 9999, 9999, 9999, 9900), encode("numeric", NUMERIC_14_6, "99999999.999999"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> encode("numeric", NUMERIC_14_6, "99999999.9999995"));
    assertEquals("is 99999999.9999995, too large for numeric(14,6): the absolute value must round to less than 10^8", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> encode("numeric", NUMERIC_14_6, "1.5d"));
  }

  @Test
  void datesCountDaysFrom2000() {
    assertArrayEquals(new byte[] {0, 0, 0, 4, 0, 0, 0, 0}, encode("date", -1, "2000-01-01"));
    assertArrayEquals(new byte[] {0, 0, 0, 4, -1, -1, -1, -1}, encode("date", -1, "1999-12-31"));
    // 2026-01-05 is 9501 days (0x251D) after 2000-01-01
    assertArrayEquals(new byte[] {0, 0, 0, 4, 0, 0, 0x25, 0x1D}, encode("date", -1, "2026-01-05"));
    assertThrows(IllegalArgumentException.class, () -> encode("date", -1, "2026-02-30"));
    assertThrows(IllegalArgumentException.class, () -> encode("date", -1, "+10000-01-01"));
  }

  @Test
  void timestampsCountMicrosecondsFrom2000Utc() {
    assertArrayEquals(new byte[] {0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0F, 0x42, 0x40}, encode("timestamp with time zone", -1, "2000-01-01T00:00:01Z"));
    // 2026-01-05T14:03:00Z: 820,936,980 s = 0x0002_EAA3_4913_6D00 microseconds
    assertArrayEquals(
        new byte[] {0, 0, 0, 8, 0x00, 0x02, (byte) 0xEA, (byte) 0xA3, 0x49, 0x13, 0x6D, 0x00},
        encode("timestamp with time zone", -1, "2026-01-05T14:03:00Z"));
    assertEquals(820_936_980_123_457L, TimeValues.postgresMicros("2026-01-05T14:03:00.123456789Z"));
    assertEquals(820_936_980_123_000L, TimeValues.postgresMicros("2026-01-05T14:03:00.123Z"));
  }

  @Test
  void textIsUtf8AndRejectsNul() {
    assertArrayEquals(new byte[] {0, 0, 0, 2, 'i', 'd'}, encode("text", -1, "id"));
    assertArrayEquals(new byte[] {0, 0, 0, 3, 'a', (byte) 0xC3, (byte) 0xA9}, encode("text", -1, "aé"));
    assertArrayEquals(new byte[] {0, 0, 0, 0}, encode("text", -1, ""));
    assertThrows(IllegalArgumentException.class, () -> encode("text", -1, "a\0b"));
  }

  @Test
  void integersAreBigEndianAndRangeChecked() {
    assertArrayEquals(new byte[] {0, 0, 0, 4, 0, 0, 1, 0}, encode("integer", -1, "256"));
    assertArrayEquals(new byte[] {0, 0, 0, 8, -1, -1, -1, -1, -1, -1, -1, -2}, encode("bigint", -1, "-2"));
    assertThrows(IllegalArgumentException.class, () -> encode("integer", -1, "2147483648"));
  }

  @Test
  void anUnknownColumnTypeIsAnError() {
    assertThrows(IllegalStateException.class, () -> ColumnEncoder.forType("jsonb", -1));
    // numeric(5, -2): PostgreSQL 15+ stores the scale as 11-bit two's complement, -2 = 0x7FE
    assertThrows(IllegalStateException.class, () -> ColumnEncoder.forType("numeric", ((5 << 16) | 0x7FE) + 4));
  }
}
