package io.triangulate.attribution.markov;

/**
 * Encodes a state of an order-k chain — the last (up to) k channels — as one long: base-(C+1)
 * digits, newest channel in the lowest digit, each digit channel+1 so that tuples of different
 * lengths never collide. Appending a touch is one multiply-add-modulo.
 */
final class StateKeys {

  private final int order;
  private final long base;
  private final long modulus;

  StateKeys(int channelCount, int order) {
    if (order < 1) {
      throw new IllegalArgumentException("Markov order must be >= 1, got " + order);
    }
    this.order = order;
    this.base = channelCount + 1L;
    long m = 1;
    try {
      for (int i = 0; i < order; i++) {
        m = Math.multiplyExact(m, base);
      }
      Math.multiplyExact(m, base); // appending multiplies a key < m by base once more
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "Markov order " + order + " over " + channelCount + " channels has too many states to index");
    }
    this.modulus = m;
  }

  /** The key of the empty tuple, i.e. the start state. */
  long start() {
    return 0L;
  }

  /** The state reached from {@code key} by touching {@code channel}: the oldest channel falls out past k. */
  long append(long key, int channel) {
    return (key * base + channel + 1) % modulus;
  }

  /** The channels of a state, oldest first. */
  int[] decode(long key) {
    int length = 0;
    for (long k = key; k > 0; k /= base) {
      length++;
    }
    int[] tuple = new int[length];
    long k = key;
    for (int i = length - 1; i >= 0; i--) {
      tuple[i] = (int) (k % base) - 1;
      k /= base;
    }
    return tuple;
  }

  int order() {
    return order;
  }
}
