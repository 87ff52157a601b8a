package org.customerfacade.facade.upstream;

import java.time.Clock;
import org.customerfacade.facade.upstream.ResilienceProperties.RetryBudgetOptions;
import org.springframework.stereotype.Component;

/**
 * Allows a retry only while retries stay below a share of the requests seen over a sliding window,
 * plus a small fixed allowance.
 *
 * <p>The window is split into ten buckets of equal length on the injected clock. Counts are kept
 * under one lock: the work inside it is a few array operations, far cheaper than the calls it
 * guards.
 */
@Component
class RetryBudget {

  private static final int BUCKETS = 10;

  private final Clock clock;
  private final double ratio;
  private final int minimumRetries;
  private final long bucketMillis;
  private final long[] requests = new long[BUCKETS];
  private final long[] retries = new long[BUCKETS];
  private long currentBucket;

  RetryBudget(ResilienceProperties properties, Clock clock) {
    RetryBudgetOptions options = properties.getRetryBudget();
    this.clock = clock;
    this.ratio = options.getPercent() / 100;
    this.minimumRetries = options.getMinimumRetries();
    this.bucketMillis = Math.max(1, options.getWindow().toMillis() / BUCKETS);
    this.currentBucket = bucketOf(clock.millis());
  }

  /** Counts one request that reaches the upstream. */
  synchronized void recordRequest() {
    advance();
    requests[index(currentBucket)]++;
  }

  /** Takes one retry from the budget; returns false, counting nothing, when none is left. */
  synchronized boolean tryAcquireRetry() {
    advance();
    long allowed = minimumRetries + (long) Math.floor(sum(requests) * ratio);
    if (sum(retries) >= allowed) {
      return false;
    }
    retries[index(currentBucket)]++;
    return true;
  }

  private void advance() {
    long now = bucketOf(clock.millis());
    long elapsed = Math.min(now - currentBucket, BUCKETS);
    for (long i = 1; i <= elapsed; i++) {
      int index = index(currentBucket + i);
      requests[index] = 0;
      retries[index] = 0;
    }
    currentBucket = Math.max(currentBucket, now);
  }

  private long bucketOf(long millis) {
    return millis / bucketMillis;
  }

  private static int index(long bucket) {
    return (int) Math.floorMod(bucket, (long) BUCKETS);
  }

  private static long sum(long[] counts) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }
}
