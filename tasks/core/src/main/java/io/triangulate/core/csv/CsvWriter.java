package io.triangulate.core.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The project's one CSV writer, for people and other tools: RFC 4180 quoting, LF line ends, text that
 * a spreadsheet would run as a formula neutralised ({@link #neutralised}), numbers
 * without locale separators and with at most ten significant digits, NaN and null as empty. Numbers
 * are in plain decimal notation except very small and very large ones (see {@link #format}). The file
 * appears atomically (written to a temporary sibling, then moved), so readers never see half a file.
 */
public final class CsvWriter implements AutoCloseable {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final MathContext SIGNIFICANT = new MathContext(10);
  private static final double PLAIN_FROM = 1e-6;
  private static final double PLAIN_BELOW = 1e15;

  private final Path target;
  private final Path temp;
  private final Writer out;
  private boolean failed;

  private CsvWriter(Path target) throws IOException {
    this.target = target;
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    this.temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    this.out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16);
  }

  public static CsvWriter open(Path target, List<String> header) {
    try {
      CsvWriter w = new CsvWriter(target);
      w.row(header.toArray());
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    }
  }

  /** Writes a whole table that is already in memory: header, then one line per row. */
  public static void write(Path target, List<String> header, Iterable<? extends List<?>> rows) {
    try (CsvWriter w = open(target, header)) {
      for (List<?> row : rows) {
        w.row(row.toArray());
      }
    }
  }

  public CsvWriter row(Object... values) {
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(format(values[i]));
      }
      out.write('\n');
      return this;
    } catch (IOException e) {
      failed = true;
      throw new UncheckedIOException("could not write " + target, e);
    }
  }

  /**
   * The text of one value as this writer would put it in a cell. Whole numbers below 10^15 are
   * written as integers; other doubles get ten significant digits, in plain notation when
   * 10^-6 &le; |x| &lt; 10^15 and in scientific notation ({@code 5.7e-112}, {@code 1.25e+15})
   * outside it, where plain notation would be a long run of zeros.
   */
  public static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return formatDouble(d);
    }
    if (v instanceof Float f) {
      return formatDouble(f.doubleValue());
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    String s = v instanceof Number ? v.toString() : neutralised(v.toString());
    return needsQuotes(s) ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /**
   * Text a spreadsheet would run as a formula ({@code =HYPERLINK(…)}, {@code +cmd|…}, {@code -2+3},
   * {@code @SUM(…)}, or one led by a tab or carriage return) gets a leading apostrophe, which
   * spreadsheets show as plain text (OWASP's advice for CSV injection). Names, headlines and tags come
   * from advertisers' own files, so every export passes through here. Numbers written as text
   * ({@code -0.25}, {@code -2.5e-7}) are left alone: a spreadsheet reads them as the numbers they are.
   */
  public static String neutralised(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char first = s.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return risky && !PLAIN_NUMBER.matcher(s).matches() ? "'" + s : s;
  }

  private static String formatDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "";
    }
    double magnitude = Math.abs(d);
    if (d == Math.rint(d) && magnitude < PLAIN_BELOW) {
      return Long.toString((long) d);
    }
    // Ten significant digits: more than any estimate here deserves, and stable across platforms.
    BigDecimal rounded = new BigDecimal(d).round(SIGNIFICANT).stripTrailingZeros();
    return magnitude < PLAIN_FROM || magnitude >= PLAIN_BELOW ? scientific(rounded) : rounded.toPlainString();
  }

  /**
   * {@code d.ddde±x}, decided by the caller's range rather than by BigDecimal's own rule, which would
   * switch to exponents for some rounded values well inside the plain range (e.g. 1.2e+10).
   */
  private static String scientific(BigDecimal rounded) {
    String digits = rounded.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - rounded.scale();
    StringBuilder s = new StringBuilder(digits.length() + 8);
    if (rounded.signum() < 0) {
      s.append('-');
    }
    s.append(digits.charAt(0));
    if (digits.length() > 1) {
      s.append('.').append(digits, 1, digits.length());
    }
    return s.append('e').append(exponent < 0 ? "-" : "+").append(Math.abs(exponent)).toString();
  }

  private static boolean needsQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      out.close();
      if (failed) {
        // A write failed (disk full, …): keep whatever file was there rather than half of a new one.
        Files.deleteIfExists(temp);
        return;
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    }
  }
}
