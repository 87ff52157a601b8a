package org.customerfacade.gateway.consumer;

import java.util.Optional;
import org.customerfacade.gateway.headers.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates every routed request by its bearer token and stores the consumer id in the exchange
 * attribute {@link #CONSUMER_ID_ATTRIBUTE}. A request without a valid token ends with a {@link
 * ConsumerAuthenticationException} error signal and never reaches the facade.
 */
@Component
public class ConsumerAuthenticationFilter implements GlobalFilter, Ordered {

  /** Exchange attribute holding the authenticated consumer's id. */
  public static final String CONSUMER_ID_ATTRIBUTE =
      ConsumerAuthenticationFilter.class.getName() + ".consumerId";

  /** Exchange attribute holding the {@link AuthenticatedConsumer}. */
  public static final String CONSUMER_ATTRIBUTE =
      ConsumerAuthenticationFilter.class.getName() + ".consumer";

  /** Runs before the internal headers filter and before the gateway's routing filters. */
  public static final int ORDER = -200;

  private static final Logger log = LoggerFactory.getLogger(ConsumerAuthenticationFilter.class);

  private final ConsumerRegistry registry;

  public ConsumerAuthenticationFilter(ConsumerRegistry registry) {
    this.registry = registry;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String requestId = RequestIdFilter.requestId(exchange);
    BearerToken bearer =
        BearerToken.parse(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION));

    Optional<AuthenticationFailure> failure = bearer.failure();
    if (failure.isPresent()) {
      return reject(failure.get(), requestId);
    }

    Optional<AuthenticatedConsumer> consumer = bearer.token().flatMap(registry::findConsumer);
    if (consumer.isEmpty()) {
      return reject(AuthenticationFailure.UNKNOWN_TOKEN, requestId);
    }

    log.debug("Authenticated consumer '{}' for request {}", consumer.get().id(), requestId);
    exchange.getAttributes().put(CONSUMER_ID_ATTRIBUTE, consumer.get().id());
    exchange.getAttributes().put(CONSUMER_ATTRIBUTE, consumer.get());
    return chain.filter(exchange);
  }

  private static Mono<Void> reject(AuthenticationFailure failure, String requestId) {
    log.debug("Rejected request {}: {}", requestId, failure);
    return Mono.error(new ConsumerAuthenticationException(failure));
  }
}
