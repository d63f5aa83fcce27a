package io.triangulate.attribution.markov;

import java.util.Arrays;

/**
 * Numbers distinct long keys 0, 1, 2, … in order of first sight. Open addressing over primitive
 * arrays, because boxing every state and edge key would dominate the cost of fitting a chain on
 * hundreds of thousands of paths.
 */
final class LongIndex {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] indices;
  private int size;

  LongIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    indices = new int[capacity];
  }

  int size() {
    return size;
  }

  /** The index of {@code key}, assigning the next free one if the key is new. */
  int indexOf(long key) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("reserved key");
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      long found = keys[slot];
      if (found == key) {
        return indices[slot];
      }
      if (found == EMPTY) {
        keys[slot] = key;
        indices[slot] = size;
        size++;
        if (size * 2 > keys.length) {
          grow();
        }
        return size - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Keys in index order. */
  long[] keysByIndex() {
    long[] ordered = new long[size];
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        ordered[indices[slot]] = keys[slot];
      }
    }
    return ordered;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIndices = indices;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    indices = new int[keys.length];
    int mask = keys.length - 1;
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldKeys[slot] != EMPTY) {
        int target = mix(oldKeys[slot]) & mask;
        while (keys[target] != EMPTY) {
          target = (target + 1) & mask;
        }
        keys[target] = oldKeys[slot];
        indices[target] = oldIndices[slot];
      }
    }
  }

  /** Spreads structured keys (tuples in base b, packed edge ids) over all slots. */
  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    h ^= h >>> 32;
    return (int) h;
  }
}
