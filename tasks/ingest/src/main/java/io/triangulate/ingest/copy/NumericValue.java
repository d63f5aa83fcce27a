package io.triangulate.ingest.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimal text as PostgreSQL's binary {@code numeric}: the value in base-10000 digits with a weight
 * (the power of 10000 of the first digit), a sign and a display scale. Values are rounded to the
 * column's scale as PostgreSQL's own input does (half away from zero) and checked against its
 * precision here, so a value the column cannot hold is a rejected row, not a failed COPY.
 */
final class NumericValue {

  private static final int POSITIVE = 0x0000;
  private static final int NEGATIVE = 0x4000;
  private static final int MAX_DIGITS = 64;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  /** Precision and scale from the column's typmod; precision 0 for an unconstrained numeric. */
  private final int precision;
  private final int scale;
  private final BigDecimal limit;

  private NumericValue(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
    this.limit = precision > 0 ? BigDecimal.ONE.scaleByPowerOfTen(precision - scale) : null;
  }

  /**
   * For a column of typmod {@code typmod}: {@code ((precision << 16) | scale) + 4}, or -1. Since
   * PostgreSQL 15 the scale is an 11-bit signed field and may be negative (rounding to tens,
   * hundreds…); no raw column uses that, so it is refused rather than encoded wrongly.
   */
  static NumericValue forTypmod(int typmod) {
    if (typmod < 4) {
      return new NumericValue(0, -1);
    }
    int t = typmod - 4;
    int scale = ((t & 0x7FF) ^ 0x400) - 0x400;
    if (scale < 0) {
      throw new IllegalStateException("no binary COPY encoding for numeric columns with a negative scale (" + scale + ")");
    }
    return new NumericValue((t >>> 16) & 0xFFFF, scale);
  }

  /** Writes the value's length and bytes; throws IllegalArgumentException with a reason if it does not fit. */
  void write(String text, CopyBuffer out) {
    BigDecimal v;
    try {
      v = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a decimal number: '" + text + "'");
    }
    if (scale >= 0) {
      v = v.setScale(scale, RoundingMode.HALF_UP);
      if (v.abs().compareTo(limit) >= 0) {
        throw new IllegalArgumentException(
            "is " + text + ", too large for numeric(" + precision + "," + scale + "): the absolute value must round to less than 10^"
                + (precision - scale));
      }
    } else if (v.scale() < 0) {
      v = v.setScale(0);
    }
    writeExact(v, out);
  }

  /** Writes {@code v} (scale >= 0) as it is: display scale = its scale. */
  static void writeExact(BigDecimal v, CopyBuffer out) {
    int dscale = v.scale();
    // Pad the fraction to whole base-10000 digits so the decimal point falls between two of them.
    int pad = (4 - dscale % 4) % 4;
    int fractionDigits = (dscale + pad) / 4;
    BigInteger unscaled = v.unscaledValue().abs();
    short[] digits = new short[MAX_DIGITS];
    int n = 0; // digits[MAX_DIGITS - n ..] hold the value, least significant last
    if (unscaled.bitLength() <= 49) { // 49 bits times 10^3 still fits a long
      long u = unscaled.longValueExact() * pow10(pad);
      while (u != 0) {
        digits[MAX_DIGITS - 1 - n++] = (short) (u % 10_000);
        u /= 10_000;
      }
    } else {
      if (unscaled.bitLength() > 800) { // about 240 decimal digits, far beyond any raw column
        throw new IllegalArgumentException("has too many digits for a numeric column");
      }
      BigInteger u = unscaled.multiply(BigInteger.TEN.pow(pad));
      while (u.signum() != 0) {
        BigInteger[] qr = u.divideAndRemainder(TEN_THOUSAND);
        digits[MAX_DIGITS - 1 - n++] = qr[1].shortValue();
        u = qr[0];
      }
    }
    int first = MAX_DIGITS - n;
    int end = MAX_DIGITS;
    while (end > first && digits[end - 1] == 0) {
      end--; // trailing zero digits carry no value; the display scale keeps the zeros shown
    }
    int weight = n - fractionDigits - 1;
    int count = end - first;
    out.putInt(8 + 2 * count);
    out.putShort(count);
    out.putShort(count == 0 ? 0 : weight);
    out.putShort(count == 0 || v.signum() >= 0 ? POSITIVE : NEGATIVE);
    out.putShort(dscale);
    for (int i = first; i < end; i++) {
      out.putShort(digits[i]);
    }
  }

  private static long pow10(int k) {
    long p = 1;
    for (int i = 0; i < k; i++) {
      p *= 10;
    }
    return p;
  }
}
