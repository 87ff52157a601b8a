package org.customerfacade.facade.admin;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.customerfacade.facade.routing.RegionRouter;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of each region and environment, with the state of each endpoint's breaker.
 *
 * <p>A location is {@code UP} while at least one of its endpoints accepts calls. The indicator
 * itself stays {@code UP} even when a location is down, because the facade still serves the other
 * regions: restarting or unrouting it would not help. It is left out of the readiness group.
 */
@Component("regions")
class RegionsHealthIndicator implements HealthIndicator {

  private final RegionRouter router;
  private final CircuitBreakerRegistry breakers;
  private final BulkheadRegistry bulkheads;

  RegionsHealthIndicator(
      RegionRouter router, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
    this.router = router;
    this.breakers = breakers;
    this.bulkheads = bulkheads;
  }

  @Override
  public Health health() {
    Map<String, List<UpstreamEndpoint>> byLocation = new LinkedHashMap<>();
    for (UpstreamEndpoint endpoint : router.allEndpoints()) {
      byLocation
          .computeIfAbsent(location(endpoint), key -> new java.util.ArrayList<>())
          .add(endpoint);
    }

    Health.Builder health = Health.up();
    byLocation.forEach(
        (location, endpoints) -> health.withDetail(location, locationDetail(endpoints)));
    return health.build();
  }

  private Map<String, Object> locationDetail(List<UpstreamEndpoint> endpoints) {
    Map<String, Object> detail = new LinkedHashMap<>();
    Map<String, Object> endpointDetails = new LinkedHashMap<>();
    boolean anyAccepting = false;
    for (UpstreamEndpoint endpoint : endpoints) {
      CircuitBreaker.State state = breakers.circuitBreaker(endpoint.name()).getState();
      anyAccepting |=
          state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
      endpointDetails.put(endpoint.name(), endpointDetail(endpoint, state));
    }
    detail.put("status", anyAccepting ? "UP" : "DOWN");
    detail.put("endpoints", endpointDetails);
    return detail;
  }

  private Map<String, Object> endpointDetail(
      UpstreamEndpoint endpoint, CircuitBreaker.State state) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("baseUrl", endpoint.baseUrl().toString());
    detail.put("breaker", state.name());
    detail.put(
        "availableConcurrentCalls",
        bulkheads.bulkhead(endpoint.name()).getMetrics().getAvailableConcurrentCalls());
    return detail;
  }

  /** Returns {@code eu-production} for {@code eu-production-1}. */
  private static String location(UpstreamEndpoint endpoint) {
    return endpoint.name().substring(0, endpoint.name().lastIndexOf('-'));
  }
}
