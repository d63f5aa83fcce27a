package io.triangulate.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void nearestRankPercentiles() {
    // 1..100 ms, shuffled: nearest rank gives the p-th value exactly (ceil(p/100 * 100) = p).
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = ((i * 37) % 100 + 1) * 1_000_000L;
    }
    LatencySummary s = LatencySummary.of(nanos, 0.5);
    assertEquals(200, s.perSecond(), 1e-9);
    assertEquals(50, s.p50Ms(), 1e-9);
    assertEquals(95, s.p95Ms(), 1e-9);
    assertEquals(99, s.p99Ms(), 1e-9);
    assertEquals(100, s.maxMs(), 1e-9);
    // Three samples: p50 is the 2nd (ceil 1.5), p95 and p99 the 3rd.
    LatencySummary three = LatencySummary.of(new long[] {3_000_000, 1_000_000, 2_000_000}, 1);
    assertEquals(2, three.p50Ms(), 1e-9);
    assertEquals(3, three.p99Ms(), 1e-9);
  }
}
