package io.triangulate.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma (or another single-character) delimiter, double-quoted fields
 * with {@code ""} for a quote, quoted line breaks, LF or CRLF line ends. It keeps the physical line
 * number where each record starts and the record's raw text, so validation errors and quarantine rows
 * can point users at the exact place in their file.
 */
public final class CsvReader implements Closeable {

  /** One record: its fields, the 1-based line it starts on, and its text as it stood in the file. */
  public record Row(List<String> fields, long line, String rawText) {}

  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final char delimiter;
  private final char[] buf = new char[BUFFER];
  private int pos;
  private int len;
  private long line = 1;
  private final StringBuilder raw = new StringBuilder(256);
  private final StringBuilder field = new StringBuilder(64);

  public CsvReader(Reader in) {
    this(in, ',');
  }

  public CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The next record, or {@code null} at end of input. Blank lines are skipped. */
  public Row next() throws IOException {
    while (true) {
      raw.setLength(0);
      long start = line;
      List<String> fields = new ArrayList<>(16);
      field.setLength(0);
      boolean quoted = false;
      boolean sawAny = false;
      int c;
      while (true) {
        c = read();
        if (c < 0) {
          if (!sawAny) {
            return null;
          }
          if (quoted) {
            throw new CsvFormatException(start, "a quoted field is not closed before the end of the file");
          }
          break;
        }
        sawAny = true;
        if (quoted) {
          if (c == '"') {
            int d = peek();
            if (d == '"') {
              read(); // the escaped quote; read() already keeps it in the raw text
              field.append('"');
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append((char) c);
          }
          continue;
        }
        if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          line++;
          break;
        } else if (c == '\r') {
          if (peek() == '\n') {
            continue;
          }
          field.append('\r');
        } else {
          field.append((char) c);
        }
      }
      fields.add(field.toString());
      String text = stripLineEnd(raw);
      if (text.isEmpty() && fields.size() == 1) {
        if (c < 0) {
          return null;
        }
        continue; // blank line
      }
      return new Row(fields, start, text);
    }
  }

  private static String stripLineEnd(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && (sb.charAt(end - 1) == '\n' || sb.charAt(end - 1) == '\r')) {
      end--;
    }
    return sb.substring(0, end);
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    char ch = buf[pos++];
    raw.append(ch);
    return ch;
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() throws IOException {
    len = in.read(buf, 0, BUFFER);
    pos = 0;
    if (len <= 0) {
      len = 0;
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
