package org.customerfacade.facade.admin;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.Locale;
import org.customerfacade.facade.routing.RegionRouter;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * Operator view of the endpoints' circuit breakers at {@code /actuator/breakers}, with a write
 * operation that forces one open or closed, or releases it to normal operation.
 */
@Component
@Endpoint(id = BreakersEndpoint.ID)
class BreakersEndpoint {

  static final String ID = "breakers";

  private static final Logger log = LoggerFactory.getLogger(BreakersEndpoint.class);

  private final RegionRouter router;
  private final CircuitBreakerRegistry breakers;

  BreakersEndpoint(RegionRouter router, CircuitBreakerRegistry breakers) {
    this.router = router;
    this.breakers = breakers;
  }

  /** One endpoint's breaker as the operator sees it. */
  record BreakerView(
      String endpoint,
      String baseUrl,
      String state,
      float failureRate,
      float slowCallRate,
      int bufferedCalls) {}

  /** An operator's request to change a breaker's state. */
  enum Action {
    /** Rejects every call until released: for an endpoint under maintenance. */
    FORCED_OPEN,
    /** Lets every call through and records nothing until released (Resilience4j DISABLED). */
    FORCED_CLOSED,
    /** Returns to normal operation with empty metrics, closed. */
    CLOSED
  }

  @ReadOperation
  List<BreakerView> breakers() {
    return router.allEndpoints().stream().map(this::view).toList();
  }

  @WriteOperation
  WebEndpointResponse<Object> changeState(@Selector String endpoint, @Nullable String state) {
    Action action = parse(state);
    if (action == null) {
      return new WebEndpointResponse<>(
          "state must be one of forced_open, forced_closed, closed, but was '" + state + "'", 400);
    }
    UpstreamEndpoint target =
        router.allEndpoints().stream()
            .filter(e -> e.name().equals(endpoint))
            .findFirst()
            .orElse(null);
    if (target == null) {
      return new WebEndpointResponse<>("No endpoint is named '" + endpoint + "'", 404);
    }

    CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
    switch (action) {
      case FORCED_OPEN -> breaker.transitionToForcedOpenState();
      case FORCED_CLOSED -> breaker.transitionToDisabledState();
      case CLOSED -> breaker.reset();
    }
    log.warn("'{}' breaker set to {} by an operator", endpoint, breaker.getState());
    return new WebEndpointResponse<>(view(target), 200);
  }

  private BreakerView view(UpstreamEndpoint endpoint) {
    CircuitBreaker breaker = breakers.circuitBreaker(endpoint.name());
    CircuitBreaker.Metrics metrics = breaker.getMetrics();
    return new BreakerView(
        endpoint.name(),
        endpoint.baseUrl().toString(),
        breaker.getState().name(),
        metrics.getFailureRate(),
        metrics.getSlowCallRate(),
        metrics.getNumberOfBufferedCalls());
  }

  private static @Nullable Action parse(@Nullable String state) {
    if (state == null) {
      return null;
    }
    try {
      return Action.valueOf(state.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
