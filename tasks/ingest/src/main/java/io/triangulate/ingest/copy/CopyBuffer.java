package io.triangulate.ingest.copy;

import java.util.Arrays;

/**
 * A growable byte array written in network byte order, the layout of PostgreSQL's binary COPY. One
 * buffer is reused for every row of a file, so encoding allocates nothing per row.
 */
public final class CopyBuffer {

  private byte[] bytes;
  private int length;

  public CopyBuffer(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public void reset() {
    length = 0;
  }

  public int length() {
    return length;
  }

  /** The backing array; only its first {@link #length()} bytes are the row. */
  public byte[] array() {
    return bytes;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  void putShort(int v) {
    ensure(2);
    bytes[length++] = (byte) (v >>> 8);
    bytes[length++] = (byte) v;
  }

  void putInt(int v) {
    ensure(4);
    bytes[length++] = (byte) (v >>> 24);
    bytes[length++] = (byte) (v >>> 16);
    bytes[length++] = (byte) (v >>> 8);
    bytes[length++] = (byte) v;
  }

  void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  void putBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
  }

  /**
   * Writes the string's characters as single bytes if all are ASCII and returns true; otherwise
   * writes nothing and returns false (the caller then encodes it as UTF-8).
   */
  boolean putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      bytes[length + i] = (byte) c;
    }
    length += n;
    return true;
  }

  /** Overwrites four bytes at {@code at} (a length written before its value was known). */
  void setInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
