package org.customerfacade.gateway.access;

import java.util.Optional;
import org.customerfacade.gateway.consumer.AuthenticatedConsumer;
import org.customerfacade.gateway.consumer.ConsumerAuthenticationFilter;
import org.customerfacade.gateway.headers.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a request through only when its method and path form a Customer API operation that the
 * authenticated consumer may call. Paths below {@code /customer/{id}} end with a 404 error signal,
 * other methods on a Customer API path with a 405, and operations outside the consumer's list with
 * a 403, all before the facade is called.
 */
@Component
public class OperationAccessFilter implements GlobalFilter, Ordered {

  /** Runs right after authentication, which supplies the consumer. */
  public static final int ORDER = ConsumerAuthenticationFilter.ORDER + 5;

  private static final Logger log = LoggerFactory.getLogger(OperationAccessFilter.class);

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    AuthenticatedConsumer consumer =
        exchange.getAttribute(ConsumerAuthenticationFilter.CONSUMER_ATTRIBUTE);
    if (consumer == null) {
      return Mono.error(
          new IllegalStateException(
              "No authenticated consumer on the exchange, so ConsumerAuthenticationFilter did"
                  + " not run before OperationAccessFilter. Check the two filters' orders."));
    }

    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().value();
    if (!Operation.isKnownPath(path)) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    Optional<Operation> operation = Operation.of(request.getMethod(), path);
    if (operation.isEmpty()) {
      return Mono.error(new OperationNotAllowedException(request.getMethod(), path));
    }

    if (!consumer.operations().contains(operation.get())) {
      log.debug(
          "Rejected request {}: consumer '{}' may not call {}",
          RequestIdFilter.requestId(exchange),
          consumer.id(),
          operation.get());
      return Mono.error(new OperationNotAllowedException(consumer, operation.get()));
    }
    return chain.filter(exchange);
  }
}
