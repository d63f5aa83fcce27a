package io.triangulate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Decodes a landing file one physical line at a time so that one bad line cannot fail the whole
 * file. A line that is not valid UTF-8, or that the caller marked as malformed CSV (an unclosed quote
 * an earlier pass ran into), reaches the CSV reader as an empty line, which it skips while keeping
 * the line numbers of everything after it; the line's text and the rule it breaks go to
 * {@link BadLine} for quarantine. Line ends are counted as {@code CsvReader} counts them: LF, CRLF
 * (once) and a lone CR.
 */
final class LandingLines extends Reader {

  /** Receives each line kept from the CSV reader, with its (lossily decoded) text. */
  interface BadLine {
    void accept(long line, String rawText, String reason);
  }

  private final InputStream in;
  private final Map<Long, String> malformed;
  private final BadLine bad;
  private final CharsetDecoder strict =
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] block = new byte[1 << 16];
  private int blockPos;
  private int blockLen;
  private byte[] lineBytes = new byte[1 << 10];
  private int lineLen;
  private String terminator;
  private char[] pending = new char[1 << 10];
  private int pendingPos;
  private int pendingLen;
  private long line = 1;

  /**
   * @param malformed lines (1-based) to keep from the CSV reader, with the reason to quarantine them for
   */
  LandingLines(InputStream in, Map<Long, String> malformed, BadLine bad) {
    this.in = in;
    this.malformed = malformed;
    this.bad = bad;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pendingPos == pendingLen) {
      if (!nextLine()) {
        return -1;
      }
      decodeLine();
    }
    int n = Math.min(len, pendingLen - pendingPos);
    System.arraycopy(pending, pendingPos, cbuf, off, n);
    pendingPos += n;
    return n;
  }

  /** Reads the next physical line's bytes (without its end) and its end; false at end of input. */
  private boolean nextLine() throws IOException {
    lineLen = 0;
    terminator = "";
    boolean any = false;
    while (true) {
      if (blockPos == blockLen && !fill()) {
        return any;
      }
      any = true;
      int i = blockPos;
      while (i < blockLen && block[i] != '\n' && block[i] != '\r') {
        i++;
      }
      append(i - blockPos);
      blockPos = i;
      if (i < blockLen) {
        byte end = block[blockPos++];
        if (end == '\n') {
          terminator = "\n";
        } else if ((blockPos < blockLen || fill()) && block[blockPos] == '\n') {
          blockPos++;
          terminator = "\r\n";
        } else {
          terminator = "\r";
        }
        return true;
      }
    }
  }

  private void append(int n) {
    if (lineLen + n > lineBytes.length) {
      lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, lineLen + n));
    }
    System.arraycopy(block, blockPos, lineBytes, lineLen, n);
    lineLen += n;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(block, 0, block.length);
    } while (n == 0);
    blockPos = 0;
    blockLen = Math.max(n, 0);
    return n > 0;
  }

  /** Puts the line's text (or nothing, for a bad line) and its end into {@link #pending}. */
  private void decodeLine() {
    pendingPos = 0;
    pendingLen = 0;
    String reason = malformed.get(line);
    if (reason != null) {
      bad.accept(line, lossy(), reason);
    } else if (isAscii()) {
      ensure(lineLen + 2);
      for (int i = 0; i < lineLen; i++) {
        pending[i] = (char) lineBytes[i];
      }
      pendingLen = lineLen;
    } else {
      try {
        CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(lineBytes, 0, lineLen));
        ensure(chars.remaining() + 2);
        pendingLen = chars.remaining();
        chars.get(pending, 0, pendingLen);
      } catch (CharacterCodingException e) {
        bad.accept(line, lossy(), "is not valid UTF-8 (" + firstInvalidByte() + "); save the file as UTF-8");
      }
    }
    ensure(pendingLen + 2);
    for (int i = 0; i < terminator.length(); i++) {
      pending[pendingLen++] = terminator.charAt(i);
    }
    if (!terminator.isEmpty()) {
      line++;
    }
  }

  private boolean isAscii() {
    for (int i = 0; i < lineLen; i++) {
      if (lineBytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private String lossy() {
    return new String(lineBytes, 0, lineLen, StandardCharsets.UTF_8);
  }

  /** Where the first byte the strict decoder rejects sits, for a message the user can find in a hex editor. */
  private String firstInvalidByte() {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(lineBytes, 0, lineLen);
    CharBuffer sink = CharBuffer.allocate(Math.max(16, lineLen));
    var result = d.decode(bytes, sink, true);
    int at = result.isError() ? bytes.position() : lineLen - 1;
    return String.format("byte 0x%02X at byte %d of the line", lineBytes[at] & 0xFF, at + 1);
  }

  private void ensure(int n) {
    if (pending.length < n) {
      pending = Arrays.copyOf(pending, Math.max(n, pending.length * 2));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
