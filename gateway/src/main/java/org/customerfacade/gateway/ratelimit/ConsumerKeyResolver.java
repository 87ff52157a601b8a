package org.customerfacade.gateway.ratelimit;

import org.customerfacade.gateway.consumer.ConsumerAuthenticationFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keys rate limiting by the authenticated consumer's id. Authentication runs as a global filter
 * before every route filter, so the id is always set when {@code RequestRateLimiter} runs.
 */
class ConsumerKeyResolver implements KeyResolver {

  @Override
  public Mono<String> resolve(ServerWebExchange exchange) {
    return Mono.justOrEmpty(
        exchange.<String>getAttribute(ConsumerAuthenticationFilter.CONSUMER_ID_ATTRIBUTE));
  }
}
