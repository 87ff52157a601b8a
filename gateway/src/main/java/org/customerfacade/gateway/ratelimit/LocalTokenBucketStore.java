package org.customerfacade.gateway.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.customerfacade.gateway.ratelimit.RateLimitProperties.Limit;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this JVM's memory. Each bucket starts full and refills continuously from the
 * injected clock.
 *
 * <p>NOTE: buckets are never removed. Keys are consumer ids, which the configuration or the
 * identity provider bounds, so the map stays small.
 */
final class LocalTokenBucketStore implements TokenBucketStore {

  private final Clock clock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  LocalTokenBucketStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Mono<Consumption> consume(String key, Limit limit) {
    return Mono.fromSupplier(() -> consumeNow(key, limit));
  }

  private Consumption consumeNow(String key, Limit limit) {
    long nowMillis = clock.millis();
    Bucket bucket =
        buckets.computeIfAbsent(key, unused -> new Bucket(limit.getBurstCapacity(), nowMillis));
    return bucket.consume(limit, nowMillis);
  }

  private static final class Bucket {

    private double tokens;
    private long refilledAtMillis;

    Bucket(double tokens, long refilledAtMillis) {
      this.tokens = tokens;
      this.refilledAtMillis = refilledAtMillis;
    }

    synchronized Consumption consume(Limit limit, long nowMillis) {
      long elapsedMillis = Math.max(0, nowMillis - refilledAtMillis);
      double refill = elapsedMillis * limit.getReplenishRate() / 1000.0;
      tokens = Math.min(limit.getBurstCapacity(), tokens + refill);
      refilledAtMillis = Math.max(refilledAtMillis, nowMillis);

      boolean allowed = tokens >= limit.getRequestedTokens();
      if (allowed) {
        tokens -= limit.getRequestedTokens();
      }
      return new Consumption(allowed, (long) Math.floor(tokens));
    }
  }
}
