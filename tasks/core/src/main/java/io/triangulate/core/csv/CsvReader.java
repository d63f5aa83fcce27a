package io.triangulate.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's one CSV reader: streaming RFC 4180 with a comma (or another single-character)
 * delimiter, double-quoted fields with {@code ""} for a quote, quoted line breaks, and LF, CRLF or
 * lone CR line ends. It keeps the physical line number where each record starts and can give the
 * record's raw text, so validation errors and quarantine rows can point users at the exact place in
 * their file. The raw text is cut from the read buffer only when asked for (most records never are),
 * so it is available until the next call to {@link #next()}.
 *
 * <p>Lenient where real exports are sloppy and harmless: a UTF-8 byte-order mark at the start is
 * dropped, blank lines are skipped, a quote inside an unquoted field ({@code 5" screen}) is kept as a
 * character. Strict where guessing would corrupt data: text after a closing quote and a quote never
 * closed are {@link CsvFormatException}s naming the line.
 *
 * <p>Not thread-safe; closing it closes the underlying reader.
 */
public final class CsvReader implements Closeable {

  /** One record: its fields, the 1-based line it starts on, and its text as it stood in the file. */
  public static final class Row {

    private final List<String> fields;
    private final long line;
    private final CsvReader reader;
    private final long sequence;
    private String rawText;

    private Row(List<String> fields, long line, CsvReader reader, long sequence) {
      this.fields = fields;
      this.line = line;
      this.reader = reader;
      this.sequence = sequence;
    }

    public List<String> fields() {
      return fields;
    }

    public long line() {
      return line;
    }

    /**
     * The record as it stood in the file, without its line end. Ask before reading the next record:
     * the text is cut from the reader's buffer, which the next record overwrites.
     */
    public String rawText() {
      if (rawText == null) {
        if (reader.sequence != sequence) {
          throw new IllegalStateException("line " + line + ": raw text asked for after the next record was read");
        }
        rawText = reader.currentRawText();
      }
      return rawText;
    }

    /**
     * True for a line of only spaces or tabs. It reads as one whitespace field, which callers that
     * want a fixed number of fields usually skip like a blank line rather than reject.
     */
    public boolean isBlank() {
      return fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  private static final int BUFFER = 1 << 16;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Reader in;
  private final char delimiter;
  private final char[] buf = new char[BUFFER];
  private int pos;
  private int len;
  private long line = 1;
  private boolean atStart = true;
  /** The current record's text from before the last refill of {@link #buf}; usually empty. */
  private final StringBuilder carry = new StringBuilder(256);
  /** Where the current record starts in {@link #buf} (0 once a refill moved its start to carry). */
  private int recordStart;
  /** Where the last record returned ends in {@link #buf}. */
  private int recordEnd;
  /** Counts the records returned, so a row can tell whether the buffer still holds its text. */
  private long sequence;
  private final StringBuilder field = new StringBuilder(64);

  public CsvReader(Reader in) {
    this(in, ',');
  }

  public CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /**
   * Opens a UTF-8 file. Bytes that are not UTF-8 fail the read ({@link java.nio.charset.MalformedInputException})
   * rather than turning into replacement characters that would silently become different keys.
   */
  public static CsvReader open(Path file, char delimiter) throws IOException {
    // No BufferedReader: next() already reads in 64K blocks.
    return new CsvReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()), delimiter);
  }

  /** The next record, or {@code null} at end of input. Blank lines are skipped. */
  public Row next() throws IOException {
    while (true) {
      carry.setLength(0);
      recordStart = pos;
      long start = line;
      List<String> fields = new ArrayList<>(16);
      field.setLength(0);
      boolean quoted = false;
      long quoteLine = start; // where the open quote is, for the error if it never closes
      boolean sawAny = false;
      boolean sawText = false; // anything besides line ends: a record, not a blank line
      int c;
      while (true) {
        if (!quoted && field.length() == 0 && pos < len) {
          // Fast path for the common case, an unquoted field: scan to its end in the buffer and
          // take it in one copy instead of a character at a time.
          int end = scanUnquoted(pos);
          if (end > pos) {
            sawAny = true;
            sawText = true;
            if (end < len && buf[end] == delimiter) {
              fields.add(new String(buf, pos, end - pos));
              pos = end + 1;
              continue;
            }
            field.append(buf, pos, end - pos); // a line end, a quote or the block's end follows
            pos = end;
            continue;
          }
        }
        c = read();
        if (c < 0) {
          if (!sawAny) {
            return null;
          }
          if (quoted) {
            throw new CsvFormatException(quoteLine, "quoted field never closed (missing \")");
          }
          break;
        }
        sawAny = true;
        if (c != '\n' && c != '\r') {
          sawText = true;
        }
        if (quoted) {
          if (c == '"') {
            int d = peek();
            if (d == '"') {
              read(); // the escaped quote; read() already keeps it in the raw text
              field.append('"');
            } else if (d == delimiter || d == '\n' || d == '\r' || d < 0) {
              quoted = false;
            } else {
              // "a"b has no reading that is not a guess, and a guess here shifts every later column.
              throw new CsvFormatException(line, "unexpected '" + (char) d + "' after a closing quote");
            }
          } else {
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
              line++; // LF, or a lone CR; a CRLF counts once, at its LF
            }
            field.append((char) c);
          }
          continue;
        }
        if (c == '"' && field.length() == 0) {
          quoted = true;
          quoteLine = line;
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          line++;
          break;
        } else if (c == '\r') {
          if (peek() == '\n') {
            continue; // CRLF: the LF ends the record
          }
          line++; // a lone CR (classic Mac OS exports) ends a record too
          break;
        } else {
          field.append((char) c);
        }
      }
      fields.add(field.toString());
      if (!sawText && fields.size() == 1) {
        if (c < 0) {
          return null;
        }
        continue; // blank line
      }
      recordEnd = pos;
      return new Row(fields, start, this, ++sequence);
    }
  }

  /** The first position from {@code from} holding the delimiter, a line end or a quote, else len. */
  private int scanUnquoted(int from) {
    char d = delimiter;
    int i = from;
    while (i < len) {
      char ch = buf[i];
      if (ch == d || ch == '\n' || ch == '\r' || ch == '"') {
        return i;
      }
      i++;
    }
    return i;
  }

  /** The last record's text: whatever a refill moved to carry, then the rest still in the buffer. */
  private String currentRawText() {
    int end = recordEnd;
    while (end > recordStart && (buf[end - 1] == '\n' || buf[end - 1] == '\r')) {
      end--;
    }
    if (end > recordStart || carry.length() == 0) {
      return carry.length() == 0
          ? new String(buf, recordStart, end - recordStart)
          : carry.toString() + new String(buf, recordStart, end - recordStart);
    }
    int carried = carry.length(); // the record ended at the end of a block: its line end is in carry
    while (carried > 0 && (carry.charAt(carried - 1) == '\n' || carry.charAt(carried - 1) == '\r')) {
      carried--;
    }
    return carry.substring(0, carried);
  }

  private int read() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() throws IOException {
    // The block about to be overwritten may hold the start of the current record: keep it.
    if (recordStart < len) {
      carry.append(buf, recordStart, len - recordStart);
    }
    int count;
    do {
      count = in.read(buf, 0, BUFFER);
    } while (count == 0); // a Reader may return 0 without being at the end
    pos = 0;
    recordStart = 0;
    if (count < 0) {
      len = 0;
      return false;
    }
    len = count;
    if (atStart) {
      // Checked here, once per block, so the per-character path stays free of it.
      atStart = false;
      if (buf[0] == BYTE_ORDER_MARK) {
        pos = 1;
        recordStart = 1;
        return len > 1 || fill();
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
