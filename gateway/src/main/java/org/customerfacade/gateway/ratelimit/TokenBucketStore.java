package org.customerfacade.gateway.ratelimit;

import org.customerfacade.gateway.ratelimit.RateLimitProperties.Limit;
import reactor.core.publisher.Mono;

/** Keeps one token bucket per key and takes a request's tokens from it. */
interface TokenBucketStore {

  /**
   * Takes {@code limit.requestedTokens} from the bucket of {@code key} when it contains that many,
   * and emits whether it did and how many whole tokens are left.
   */
  Mono<Consumption> consume(String key, Limit limit);

  /**
   * Outcome of one request against a bucket.
   *
   * @param allowed whether the bucket held enough tokens for the request
   * @param tokensLeft whole tokens in the bucket after the request
   */
  record Consumption(boolean allowed, long tokensLeft) {}
}
