package io.triangulate.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.copy.CopyIn;

/**
 * A stream whose bytes a second thread sends into an open COPY, so that the loader parses, validates
 * and encodes the next rows while the previous ones are on their way: on two cores the load then
 * takes about as long as the slower of the JVM and PostgreSQL instead of their sum.
 *
 * <p>The caller writes rows, then calls {@link #finish()}, which waits for the COPY to end and
 * rethrows whatever failed on the sending side (a unique violation stays a {@link SQLException}, so
 * the loader's savepoint fallback still sees it). Closing without finishing cancels the COPY, so a
 * file that fails half-way leaves no rows behind. Until finish or close returns, the connection
 * belongs to the sending thread.
 */
final class CopyPipe extends OutputStream {

  /** Bytes handed over at a time: large enough that the handover costs nothing per row. */
  private static final int CHUNK = 1 << 16;

  /** Chunks in flight: bounds memory while letting either side run ahead for a moment. */
  private static final int IN_FLIGHT = 8;

  private record Chunk(byte[] bytes, int length) {}

  private static final Chunk END = new Chunk(new byte[0], 0);

  private final CopyIn copyIn;
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
  private final Thread sender;
  private volatile Throwable failure;
  private volatile boolean ended;
  private byte[] buffer = new byte[CHUNK];
  private int length;
  private boolean done;

  CopyPipe(CopyIn copyIn, String name) {
    this.copyIn = copyIn;
    for (int i = 0; i < IN_FLIGHT + 1; i++) {
      free.add(new byte[CHUNK]);
    }
    this.sender = new Thread(this::send, "copy-" + name);
    sender.setDaemon(true);
    sender.start();
  }

  /**
   * The sending thread: writes each chunk into the COPY and, on {@link #END} after a finish, ends
   * it. After a close without finish it leaves the COPY open for {@link #close()} to cancel: ending
   * it would keep the rows sent so far.
   */
  private void send() {
    boolean sawEnd = false;
    try {
      Chunk c;
      while ((c = full.take()) != END) {
        copyIn.writeToCopy(c.bytes(), 0, c.length());
        free.put(c.bytes());
      }
      sawEnd = true;
      if (ended) {
        copyIn.endCopy(); // flushes, ends the COPY and reads its result
      }
    } catch (Throwable t) {
      failure = t;
      if (!sawEnd) {
        drainUntilEnd();
      }
    }
  }

  /** After a failure, keeps taking chunks so the writing side never blocks on a full queue. */
  private void drainUntilEnd() {
    try {
      for (Chunk c = full.take(); c != END; c = full.take()) {
        free.offer(c.bytes());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void write(int b) throws IOException {
    if (length == buffer.length) {
      handOver();
    }
    buffer[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (length == buffer.length) {
        handOver();
      }
      int n = Math.min(len, buffer.length - length);
      System.arraycopy(b, off, buffer, length, n);
      length += n;
      off += n;
      len -= n;
    }
  }

  private void handOver() throws IOException {
    Throwable f = failure;
    if (f != null) {
      throw new IOException("COPY failed: " + f.getMessage(), f);
    }
    try {
      full.put(new Chunk(buffer, length));
      buffer = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing rows to COPY");
    }
    length = 0;
  }

  /** Rows go out in chunks; a mid-file flush would only shrink them. */
  @Override
  public void flush() {}

  /** Sends the rest, ends the COPY and waits for it; rethrows a failure of the sending side. */
  void finish() throws IOException, SQLException {
    if (length > 0) {
      handOver();
    }
    ended = true;
    stop();
    Throwable f = failure;
    if (f instanceof SQLException e) {
      throw e;
    }
    if (f instanceof IOException e) {
      throw e;
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
    if (f != null) {
      throw new IOException("COPY failed", f);
    }
  }

  /** Without a {@link #finish()}, cancels the COPY so none of the rows written so far are kept. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    stop();
    if (copyIn.isActive()) {
      try {
        copyIn.cancelCopy();
      } catch (SQLException e) {
        throw new IOException("could not cancel COPY", e);
      }
    }
  }

  private void stop() throws IOException {
    done = true;
    try {
      full.put(END);
      sender.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for COPY");
    }
  }
}
