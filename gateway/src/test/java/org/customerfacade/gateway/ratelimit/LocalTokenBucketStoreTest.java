package org.customerfacade.gateway.ratelimit;

import java.time.Duration;
import org.customerfacade.gateway.MutableClock;
import org.customerfacade.gateway.ratelimit.RateLimitProperties.Limit;
import org.customerfacade.gateway.ratelimit.TokenBucketStore.Consumption;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LocalTokenBucketStoreTest {

  private final MutableClock clock = new MutableClock();
  private final LocalTokenBucketStore store = new LocalTokenBucketStore(clock);

  @Test
  void fullBucketAllowsBurst() {
    Limit limit = limit(1, 3, 1);

    consume("a", limit, true, 2);
    consume("a", limit, true, 1);
    consume("a", limit, true, 0);
    consume("a", limit, false, 0);
  }

  @Test
  void bucketRefillsWithTime() {
    Limit limit = limit(2, 2, 1);
    consume("a", limit, true, 1);
    consume("a", limit, true, 0);
    consume("a", limit, false, 0);

    clock.advance(Duration.ofMillis(500));

    consume("a", limit, true, 0);
  }

  @Test
  void refillStopsAtCapacity() {
    Limit limit = limit(10, 2, 1);
    consume("a", limit, true, 1);

    clock.advance(Duration.ofHours(1));

    consume("a", limit, true, 1);
  }

  @Test
  void consumersHaveSeparateBuckets() {
    Limit limit = limit(1, 1, 1);
    consume("a", limit, true, 0);

    consume("b", limit, true, 0);
    consume("a", limit, false, 0);
  }

  @Test
  void requestCanTakeSeveralTokens() {
    Limit limit = limit(1, 120, 60);
    consume("a", limit, true, 60);
    consume("a", limit, true, 0);
    consume("a", limit, false, 0);

    clock.advance(Duration.ofSeconds(59));
    consume("a", limit, false, 59);
    clock.advance(Duration.ofSeconds(1));

    consume("a", limit, true, 0);
  }

  private void consume(String key, Limit limit, boolean allowed, long tokensLeft) {
    StepVerifier.create(store.consume(key, limit))
        .expectNext(new Consumption(allowed, tokensLeft))
        .verifyComplete();
  }

  static Limit limit(int replenishRate, int burstCapacity, int requestedTokens) {
    Limit limit = new Limit();
    limit.setReplenishRate(replenishRate);
    limit.setBurstCapacity(burstCapacity);
    limit.setRequestedTokens(requestedTokens);
    return limit;
  }
}
