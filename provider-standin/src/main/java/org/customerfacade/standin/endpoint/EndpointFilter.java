package org.customerfacade.standin.endpoint;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.customerfacade.standin.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves the endpoint from the port that received the request. Endpoint ports serve only the
 * Customer API, and the admin port (server.port) serves everything else; a request on the wrong
 * kind of port gets 404.
 */
@Component
public class EndpointFilter implements WebFilter, Ordered {

  /** Runs first, so that later filters can read {@link Endpoint#ATTRIBUTE}. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  private static final String CUSTOMER_PATH = "/customer";

  private final EndpointRegistry endpoints;

  public EndpointFilter(EndpointRegistry endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    boolean customerApi = isCustomerApiPath(exchange.getRequest().getPath().value());
    Optional<Endpoint> endpoint = endpointOf(exchange);
    if (endpoint.isEmpty()) {
      return customerApi ? Mono.error(customerApiOnAdminPort()) : chain.filter(exchange);
    }
    if (!customerApi) {
      return Mono.error(adminApiOnEndpointPort(endpoint.get()));
    }

    endpoint.get().recordRequest();
    exchange.getAttributes().put(Endpoint.ATTRIBUTE, endpoint.get());
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  private Optional<Endpoint> endpointOf(ServerWebExchange exchange) {
    InetSocketAddress local = exchange.getRequest().getLocalAddress();
    if (local == null) {
      return Optional.empty();
    }
    return endpoints.findByBoundPort(local.getPort());
  }

  private static boolean isCustomerApiPath(String path) {
    return path.equals(CUSTOMER_PATH) || path.startsWith(CUSTOMER_PATH + "/");
  }

  private static ProblemException customerApiOnAdminPort() {
    return ProblemException.notFound(
        "The Customer API is not served on the admin port; call an endpoint port listed by"
            + " GET /admin/endpoints.");
  }

  private static ProblemException adminApiOnEndpointPort(Endpoint endpoint) {
    return ProblemException.notFound(
        "Endpoint '"
            + endpoint.name()
            + "' serves only the Customer API under /customer; call the admin port for"
            + " anything else.");
  }
}
