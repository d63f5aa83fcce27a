package io.triangulate.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void burstThenRefillAtTheRate() {
    AtomicLong now = new AtomicLong(1_000_000_000_000L);
    TokenBucket b = new TokenBucket(3, 2, now::get); // 3 at once, 2 per second
    assertEquals(0, b.take("a"));
    assertEquals(0, b.take("a"));
    assertEquals(0, b.take("a"));
    // Empty: one token is 1 / (2 per s) = 0.5 s away.
    assertEquals(0.5, b.take("a"), 1e-12);
    // Another key has its own bucket.
    assertEquals(0, b.take("b"));
    now.addAndGet(250_000_000L); // 0.25 s refills half a token: 0.25 s still to wait
    assertEquals(0.25, b.take("a"), 1e-12);
    now.addAndGet(250_000_000L); // a whole token now
    assertEquals(0, b.take("a"));
    now.addAndGet(60_000_000_000L); // a minute refills only up to the capacity of 3
    assertEquals(0, b.take("a"));
    assertEquals(0, b.take("a"));
    assertEquals(0, b.take("a"));
    assertEquals(0.5, b.take("a"), 1e-12);
  }
}
