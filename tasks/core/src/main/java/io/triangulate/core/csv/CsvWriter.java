package io.triangulate.core.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes CSV for people and other tools: RFC 4180 quoting, numbers in plain decimal notation
 * (no exponent, no locale separators), NaN and null as empty. The file appears atomically (written
 * to a temporary sibling, then moved), so a failed export never leaves half a file.
 */
public final class CsvWriter implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private final Writer out;

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
      throw new UncheckedIOException("could not write " + target, e);
    }
  }

  /** The text of one value as this writer would put it in a cell. */
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
    if (v instanceof java.math.BigDecimal b) {
      return b.toPlainString();
    }
    String s = v.toString();
    return needsQuotes(s) ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static String formatDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    // Ten significant digits: more than any estimate here deserves, and stable across platforms.
    String s = new java.math.BigDecimal(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    return s.toLowerCase(Locale.ROOT);
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
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    }
  }
}
