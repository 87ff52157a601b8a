package org.customerfacade.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.customerfacade.gateway.ratelimit.RateLimitProperties.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica. It runs the token-bucket Lua script that
 * Spring Cloud Gateway's {@code RedisRateLimiter} uses, with each consumer's own rate and capacity,
 * and Redis's clock.
 *
 * <p>While Redis fails, requests are limited by {@code fallback}, so each replica limits on its own
 * instead of letting every request through or rejecting them all.
 */
final class RedisTokenBucketStore implements TokenBucketStore {

  /** The script inside the Spring Cloud Gateway jar. */
  private static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

  private static final Logger log = LoggerFactory.getLogger(RedisTokenBucketStore.class);

  private final ReactiveStringRedisTemplate redis;
  private final RedisScript<List<Long>> script;
  private final TokenBucketStore fallback;
  private final AtomicBoolean failing = new AtomicBoolean();

  @SuppressWarnings({"unchecked", "rawtypes"})
  RedisTokenBucketStore(ReactiveStringRedisTemplate redis, TokenBucketStore fallback) {
    this.redis = redis;
    this.script =
        (RedisScript<List<Long>>)
            (RedisScript) RedisScript.of(new ClassPathResource(SCRIPT), List.class);
    this.fallback = fallback;
  }

  @Override
  public Mono<Consumption> consume(String key, Limit limit) {
    List<String> keys = List.of(redisKey(key, "tokens"), redisKey(key, "timestamp"));
    // An empty "now" argument makes the script read Redis's clock, the same for every replica.
    List<String> args =
        List.of(
            Integer.toString(limit.getReplenishRate()),
            Integer.toString(limit.getBurstCapacity()),
            "",
            Integer.toString(limit.getRequestedTokens()));

    return redis
        .execute(script, keys, args)
        .next()
        .map(RedisTokenBucketStore::toConsumption)
        .doOnNext(unused -> recovered())
        .onErrorResume(error -> fallBack(key, limit, error));
  }

  /** Braces make both keys of a consumer hash to the same Redis Cluster slot. */
  private static String redisKey(String consumerId, String part) {
    return "edge_rate_limit.{" + consumerId + "}." + part;
  }

  private static Consumption toConsumption(List<Long> result) {
    return new Consumption(result.get(0) == 1L, result.get(1));
  }

  private Mono<Consumption> fallBack(String key, Limit limit, Throwable error) {
    if (failing.compareAndSet(false, true)) {
      log.warn(
          "Rate limiting in Redis failed, using local token buckets until it works again", error);
    }
    return fallback.consume(key, limit);
  }

  private void recovered() {
    if (failing.compareAndSet(true, false)) {
      log.info("Rate limiting in Redis works again");
    }
  }
}
