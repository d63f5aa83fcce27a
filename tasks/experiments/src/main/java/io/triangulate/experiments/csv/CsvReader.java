package io.triangulate.experiments.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""} for {@code "}); records end with LF, CRLF or CR. It
 * keeps one record in memory, so file size does not matter, and it tracks physical line numbers so
 * errors can point at the line a person would open in an editor.
 *
 * <p>Lenient where real exports are sloppy and harmless: a quote inside an unquoted field is kept as
 * a character, blank lines are skipped, a UTF-8 byte-order mark at the start is dropped. Strict where
 * guessing would corrupt data: text after a closing quote and an unterminated quote are errors.
 *
 * <p>Not thread-safe; the caller closes the underlying reader by closing this one.
 */
public final class CsvReader implements Closeable {

  private static final int END = -1;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean atStart = true;

  private final StringBuilder field = new StringBuilder();
  private long line = 1; // physical line of the next character to read
  private long recordLine; // physical line where the last returned record started

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The 1-based line on which the record last returned by {@link #next()} starts. */
  public long line() {
    return recordLine;
  }

  /** The next record's fields, or {@code null} at the end of input. */
  public List<String> next() throws IOException {
    while (true) {
      int c = read();
      if (c == END) {
        return null;
      }
      recordLine = line;
      if (c == '\n' || c == '\r') {
        endLine(c); // a blank line: not a record
        continue;
      }
      return readRecord(c);
    }
  }

  private List<String> readRecord(int first) throws IOException {
    List<String> fields = new ArrayList<>();
    int c = first;
    while (true) {
      field.setLength(0);
      c = c == '"' ? readQuotedField() : readUnquotedField(c);
      fields.add(field.toString());
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\n' || c == '\r') {
        endLine(c);
      }
      return fields; // line end or end of input
    }
  }

  /** Reads up to the next delimiter and returns it (comma, line break or END). */
  private int readUnquotedField(int c) throws IOException {
    while (c != ',' && c != '\n' && c != '\r' && c != END) {
      field.append((char) c);
      c = read();
    }
    return c;
  }

  /** Reads a quoted field after its opening quote and returns the delimiter that follows it. */
  private int readQuotedField() throws IOException {
    long openedOn = line;
    while (true) {
      int c = read();
      if (c == END) {
        throw new CsvFormatException(openedOn, "quoted field never closed (missing \")");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          field.append('"');
          continue;
        }
        if (after == ',' || after == '\n' || after == '\r' || after == END) {
          return after;
        }
        throw new CsvFormatException(line, "unexpected '" + (char) after + "' after a closing quote");
      }
      if (c == '\r' || c == '\n') {
        field.append((char) c);
        if (c == '\r' && peek() == '\n') {
          field.append((char) read());
        }
        line++;
        continue;
      }
      field.append((char) c);
    }
  }

  /** Consumes a line ending that began with {@code c} (CRLF counts once). */
  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return END;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int count;
    do {
      count = in.read(buffer, 0, buffer.length);
    } while (count == 0);
    if (count < 0) {
      return false;
    }
    position = 0;
    limit = count;
    if (atStart) {
      atStart = false;
      if (buffer[0] == BYTE_ORDER_MARK) {
        position = 1;
        return limit > 1 || fill();
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
