package org.customerfacade.facade.upstream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.customerfacade.facade.upstream.ResilienceProperties.RetryOptions;

/**
 * Exponential backoff with full jitter: the delay before pass {@code n + 1} is drawn uniformly from
 * zero to {@code min(maxBackoff, initialBackoff * 2^(n-1))}, so that callers that failed together
 * do not retry together.
 */
final class Backoff {

  private final long initialMillis;
  private final long maxMillis;

  Backoff(RetryOptions options) {
    this.initialMillis = options.getInitialBackoff().toMillis();
    this.maxMillis = options.getMaxBackoff().toMillis();
  }

  /** Returns the delay after failed pass {@code pass}, counted from 1. */
  Duration delay(int pass) {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling(pass) + 1));
  }

  /** Returns the upper bound of the delay after failed pass {@code pass}. */
  long ceiling(int pass) {
    int doublings = Math.min(pass - 1, 30);
    return Math.min(maxMillis, initialMillis << doublings);
  }
}
