package org.nianbao.testsupport;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Latency of a call measured in a loop and printed as percentiles, for benchmarks (no assertions).
 */
public final class Latency {

  private Latency() {}

  /**
   * Calls {@code call} {@code warmup} times, then {@code n} times timed, and prints
   * p50/p95/p99/max.
   */
  public static void measure(String name, int warmup, int n, Supplier<?> call) {
    for (int i = 0; i < warmup; i++) {
      call.get();
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.get();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-62s n=%d p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
        name,
        n,
        percentileMs(nanos, 50),
        percentileMs(nanos, 95),
        percentileMs(nanos, 99),
        nanos[n - 1] / 1e6);
  }

  /** The p-th percentile (nearest rank) of sorted nanoseconds, in milliseconds. */
  public static double percentileMs(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.min(sorted.length - 1, Math.max(0, i))] / 1e6;
  }
}
