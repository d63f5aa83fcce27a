package io.triangulate.serve;

import java.util.Arrays;

/**
 * Throughput and latency percentiles of a benchmark run. Percentiles are nearest-rank: the
 * smallest sample with at least p% of the samples at or below it (no interpolation).
 */
public record LatencySummary(int requests, double seconds, double perSecond, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

  public static LatencySummary of(long[] nanos, double seconds) {
    if (nanos.length == 0 || !(seconds > 0)) {
      throw new IllegalArgumentException("a summary needs at least one request and a positive duration");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(nanos.length, seconds, nanos.length / seconds,
        rank(sorted, 50) / 1e6, rank(sorted, 95) / 1e6, rank(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  static long rank(long[] sorted, double p) {
    int k = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, k - 1)];
  }
}
