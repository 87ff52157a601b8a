package org.customerfacade.standin.fault;

import java.time.Duration;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.endpoint.EndpointFilter;
import org.customerfacade.standin.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies an endpoint's fault to each Customer API request it receives, before authentication, as a
 * broken host would.
 */
@Component
public class FaultFilter implements WebFilter, Ordered {

  public static final int ORDER = EndpointFilter.ORDER + 1;

  private final FaultInjector faults;

  public FaultFilter(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Endpoint endpoint = exchange.getAttribute(Endpoint.ATTRIBUTE);
    if (endpoint == null) {
      return chain.filter(exchange);
    }
    FaultInjector.FaultState state = faults.stateOf(endpoint);
    Fault fault = state.fault();
    if (fault == null) {
      return chain.filter(exchange);
    }

    if (fault.isHang() || fault.isDown()) {
      // A request that got in before a down fault closed its connection waits like a hang.
      return state.nextChange().then(Mono.defer(() -> filter(exchange, chain)));
    }
    return delayOf(fault).then(outcomeOf(fault, endpoint, exchange, chain));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  private static Mono<Void> delayOf(Fault fault) {
    Integer latencyMs = fault.latencyMs();
    if (latencyMs == null || latencyMs == 0) {
      return Mono.empty();
    }
    return Mono.delay(Duration.ofMillis(latencyMs)).then();
  }

  private static Mono<Void> outcomeOf(
      Fault fault, Endpoint endpoint, ServerWebExchange exchange, WebFilterChain chain) {
    Integer status = fault.status();
    if (status == null) {
      return Mono.defer(() -> chain.filter(exchange));
    }
    String detail =
        "Endpoint '"
            + endpoint.name()
            + "' responds with status "
            + status
            + " because a fault is injected; clear it through the admin API.";
    return Mono.error(new ProblemException(HttpStatusCode.valueOf(status), detail));
  }
}
