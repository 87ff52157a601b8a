package org.customerfacade.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.customerfacade.gateway.ratelimit.RateLimitProperties.Limit;
import org.customerfacade.gateway.ratelimit.TokenBucketStore.Consumption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * {@link RateLimiter} for Spring Cloud Gateway's {@code RequestRateLimiter} filter with one token
 * bucket per consumer and each consumer's own limit from {@link RateLimitProperties}.
 *
 * <p>Allowed requests get {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code
 * RateLimit-Reset} headers, counted in requests and seconds. A rejected request ends with a {@link
 * RateLimitExceededException} error signal instead of the filter's empty 429, so the caller gets a
 * problem document with the same headers and {@code Retry-After}.
 */
public class ConsumerRateLimiter implements RateLimiter<Object> {

  public static final String LIMIT_HEADER = "RateLimit-Limit";
  public static final String REMAINING_HEADER = "RateLimit-Remaining";
  public static final String RESET_HEADER = "RateLimit-Reset";

  private static final Logger log = LoggerFactory.getLogger(ConsumerRateLimiter.class);

  private final RateLimitProperties properties;
  private final TokenBucketStore store;

  ConsumerRateLimiter(RateLimitProperties properties, TokenBucketStore store) {
    this.properties = properties;
    this.store = store;
  }

  @Override
  public Mono<Response> isAllowed(String routeId, String consumerId) {
    Limit limit = properties.limitFor(consumerId);
    return store.consume(consumerId, limit).flatMap(result -> respond(consumerId, limit, result));
  }

  private static Mono<Response> respond(String consumerId, Limit limit, Consumption result) {
    Map<String, String> headers = headers(limit, result.tokensLeft());
    if (result.allowed()) {
      return Mono.just(new Response(true, headers));
    }

    long retryAfterSeconds =
        secondsToRefill(limit.getRequestedTokens() - result.tokensLeft(), limit);
    log.debug(
        "Consumer '{}' exceeded its rate limit; retry after {} s", consumerId, retryAfterSeconds);
    return Mono.error(
        new RateLimitExceededException(consumerId, headers, Math.max(1, retryAfterSeconds)));
  }

  private static Map<String, String> headers(Limit limit, long tokensLeft) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(LIMIT_HEADER, Long.toString(limit.requestsPerBurst()));
    headers.put(REMAINING_HEADER, Long.toString(tokensLeft / limit.getRequestedTokens()));
    headers.put(
        RESET_HEADER, Long.toString(secondsToRefill(limit.getBurstCapacity() - tokensLeft, limit)));
    return headers;
  }

  /** Whole seconds until the bucket gains {@code missingTokens}, rounded up. */
  private static long secondsToRefill(long missingTokens, Limit limit) {
    long rate = limit.getReplenishRate();
    return Math.max(0, (missingTokens + rate - 1) / rate);
  }

  /** Limits come from {@link RateLimitProperties}, not from per-route filter arguments. */
  @Override
  public Map<String, Object> getConfig() {
    return Map.of();
  }

  @Override
  public Class<Object> getConfigClass() {
    return Object.class;
  }

  @Override
  public Object newConfig() {
    return new Object();
  }
}
