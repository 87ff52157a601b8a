package org.customerfacade.gateway.headers;

import java.util.List;
import java.util.Locale;
import org.customerfacade.gateway.consumer.ConsumerAuthenticationFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Replaces the headers that the facade trusts. Removes any {@code X-Consumer-Id}, every header
 * whose name starts with {@code X-Internal-} and the caller's {@code Authorization}, then sets
 * {@code X-Consumer-Id} to the authenticated consumer. All other headers pass through unchanged.
 */
@Component
public class InternalHeadersFilter implements GlobalFilter, Ordered {

  public static final String CONSUMER_ID_HEADER = "X-Consumer-Id";

  /** Name prefix of headers reserved for the gateway and the services behind it, lowercase. */
  public static final String INTERNAL_HEADER_PREFIX = "x-internal-";

  /** Runs right after authentication, which supplies the consumer id. */
  public static final int ORDER = ConsumerAuthenticationFilter.ORDER + 10;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String consumerId = exchange.getAttribute(ConsumerAuthenticationFilter.CONSUMER_ID_ATTRIBUTE);
    if (consumerId == null) {
      return Mono.error(
          new IllegalStateException(
              "No authenticated consumer on the exchange, so ConsumerAuthenticationFilter did"
                  + " not run before InternalHeadersFilter. Check the two filters' orders."));
    }

    ServerWebExchange rewritten =
        exchange
            .mutate()
            .request(request -> request.headers(headers -> replaceInternal(headers, consumerId)))
            .build();
    return chain.filter(rewritten);
  }

  /**
   * Removes caller-supplied internal headers and the caller's credentials, then tags the consumer.
   */
  static void replaceInternal(HttpHeaders headers, String consumerId) {
    List<String> internal =
        headers.headerNames().stream()
            .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(INTERNAL_HEADER_PREFIX))
            .toList();
    internal.forEach(headers::remove);

    headers.remove(HttpHeaders.AUTHORIZATION);
    headers.set(CONSUMER_ID_HEADER, consumerId);
  }
}
