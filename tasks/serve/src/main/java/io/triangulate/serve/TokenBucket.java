package io.triangulate.serve;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets (one per API token): each holds up to {@code capacity} writes and refills
 * at {@code perSecond}; a write takes one. Pure apart from the injected clock, so tests can drive
 * time exactly.
 */
public final class TokenBucket {

  private final double capacity;
  private final double perSecond;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, State> buckets = new ConcurrentHashMap<>();

  public TokenBucket(double capacity, double perSecond, LongSupplier nanoClock) {
    if (!(capacity >= 1) || !(perSecond > 0)) {
      throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive refill rate");
    }
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes one write for {@code key}: 0 when allowed, otherwise the seconds (> 0) until one is
   * available again.
   */
  public double take(String key) {
    long now = nanoClock.getAsLong();
    State state = buckets.computeIfAbsent(key, k -> new State(capacity, now));
    synchronized (state) {
      double elapsed = (now - state.last) / 1e9;
      state.tokens = Math.min(capacity, state.tokens + Math.max(0, elapsed) * perSecond);
      state.last = now;
      if (state.tokens >= 1) {
        state.tokens -= 1;
        return 0;
      }
      return (1 - state.tokens) / perSecond;
    }
  }

  private static final class State {
    double tokens;
    long last;

    State(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  public String describe() {
    return "at most " + fmt(capacity) + " writes at once and " + fmt(perSecond) + " per second per token";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
