package org.customerfacade.facade.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountResolver;
import org.customerfacade.facade.routing.RegionRouter;
import org.customerfacade.facade.routing.RoutingProperties;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a cheap lookup to every endpoint that its breaker lets through, and records the result in
 * that breaker. An endpoint that returns any response, 4xx included, is healthy.
 *
 * <p>Each endpoint is probed with the API key of the first account routed to it. Probes run only
 * when {@code facade.routing.health-probe.enabled} is true.
 */
@Component
public class EndpointProbes {

  /** External id that the lookup requests; no customer is expected to have it. */
  static final String PROBE_EXTERNAL_ID = "facade-health-probe";

  private static final Logger log = LoggerFactory.getLogger(EndpointProbes.class);

  private final UpstreamClients clients;
  private final CircuitBreakerRegistry breakers;
  private final TimeLimiter timeLimiter;
  private final RoutingProperties.HealthProbeOptions options;
  private final Map<UpstreamEndpoint, Account> probeAccounts = new LinkedHashMap<>();
  private @Nullable Disposable schedule;

  EndpointProbes(
      UpstreamClients clients,
      CircuitBreakerRegistry breakers,
      RegionRouter router,
      AccountResolver accounts,
      RoutingProperties routing,
      ResilienceProperties resilience) {
    this.clients = clients;
    this.breakers = breakers;
    this.options = routing.getHealthProbe();
    this.timeLimiter =
        TimeLimiter.of(
            "probe",
            TimeLimiterConfig.custom().timeoutDuration(resilience.timeout(Operation.FIND)).build());
    for (Account account : accounts.accounts()) {
      router
          .endpointsFor(account)
          .forEach(endpoint -> probeAccounts.putIfAbsent(endpoint, account));
    }
  }

  /** Probes every endpoint once, one after the other; completes when all are done. */
  public Mono<Void> probeAll() {
    return Flux.fromIterable(probeAccounts.entrySet())
        .concatMap(entry -> probe(entry.getKey(), entry.getValue()))
        .then();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!options.isEnabled()) {
      return;
    }
    Duration interval = options.getInterval();
    log.info("Probing {} endpoint(s) every {} ms", probeAccounts.size(), interval.toMillis());
    schedule = Flux.interval(interval, interval).concatMap(tick -> probeAll()).subscribe();
  }

  /** Stops the probes; the application context calls it on shutdown. */
  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.dispose();
    }
  }

  private Mono<Void> probe(UpstreamEndpoint endpoint, Account account) {
    return Mono.defer(
            () ->
                clients
                    .client(account, endpoint)
                    .findCustomers(
                        CustomerApiClients.API_VERSION,
                        null,
                        null,
                        null,
                        null,
                        PROBE_EXTERNAL_ID,
                        null)
                    .then())
        .transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(endpoint.name())))
        .onErrorResume(error -> skipOrReport(endpoint, error));
  }

  private Mono<Void> skipOrReport(UpstreamEndpoint endpoint, Throwable error) {
    UpstreamFailure failure = UpstreamFailure.classify(endpoint, error);
    if (failure.kind() != UpstreamFailure.Kind.CLIENT_ERROR && !failure.rejectedLocally()) {
      log.warn("'{}' failed its health probe ({})", endpoint.name(), failure.kind());
    }
    return Mono.empty();
  }
}
