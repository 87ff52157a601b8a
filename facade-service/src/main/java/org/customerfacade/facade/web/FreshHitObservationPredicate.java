package org.customerfacade.facade.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.customerfacade.facade.tracing.Traceparent;
import org.customerfacade.support.logging.LogTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Skips the HTTP server observation of a request that {@link CachedCustomerFilter} will serve from
 * a fresh cache entry, unless the caller's {@code traceparent} marks its trace as sampled.
 *
 * <p>Such a hit makes no provider call, so its span would have no children, while starting and
 * stopping the observation with its span and thread-local scopes took about a third of the CPU time
 * of the hit (JFR, {@code bench/FINDINGS.md}). The access log and {@code facade.requests} still
 * record the request, the access log with the caller's trace id, and the caller's own client span
 * times it. Boot's {@code http.server.requests} metric therefore leaves such hits out. Setting
 * {@value #PROPERTY} to true observes every request.
 *
 * <p>NOTE: a request without a server span gives its provider calls no parent, so they start a new
 * trace instead of joining the caller's. That happens when an entry expires between this check and
 * the filter's own. It also happens when a skipped hit starts a refresh-ahead of a hot entry, whose
 * failover warnings then name the new trace.
 */
@Component
class FreshHitObservationPredicate implements ObservationPredicate {

  /** Property that, when true, turns this predicate off. */
  static final String PROPERTY = "facade.tracing.observe-fresh-hits";

  private static final Logger log = LoggerFactory.getLogger(FreshHitObservationPredicate.class);

  private final ObjectProvider<CachedCustomerFilter> filter;
  private final boolean observeFreshHits;

  /**
   * The filter is looked up on first use: the observation registry applies predicates while it is
   * created, before the filter's own dependencies, which use the registry, can exist.
   */
  FreshHitObservationPredicate(
      ObjectProvider<CachedCustomerFilter> filter,
      @Value("${" + PROPERTY + ":false}") boolean observeFreshHits) {
    this.filter = filter;
    this.observeFreshHits = observeFreshHits;
  }

  @Override
  public boolean test(String name, Observation.Context context) {
    if (observeFreshHits || !(context instanceof ServerRequestObservationContext server)) {
      return true;
    }
    ServerHttpRequest request = server.getCarrier();
    if (Traceparent.isSampled(request.getHeaders().getFirst(Traceparent.HEADER))) {
      return true;
    }
    try {
      return !filter.getObject().hasFreshHit(request);
    } catch (RuntimeException failure) {
      // Observation starts before any error handling, so a failure here would fail the request.
      // The path is caller input, so the line names the request by its id only.
      log.warn(
          "Fresh-hit check failed for request {}, observing it instead: {}",
          LogTokens.plainToken(request.getHeaders().getFirst("X-Request-Id")),
          failure.toString());
      return true;
    }
  }
}
