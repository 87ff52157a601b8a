package org.customerfacade.facade.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.routing.RegionRouter;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tries the account's endpoints in order. Each attempt runs under the operation's time limit inside
 * the endpoint's circuit breaker, so a timeout counts as a failure of that endpoint.
 */
@Component
class ResilientUpstream implements Upstream {

  private static final Logger log = LoggerFactory.getLogger(ResilientUpstream.class);

  private final RegionRouter router;
  private final UpstreamClients clients;
  private final CircuitBreakerRegistry breakers;
  private final ProviderErrors providerErrors;
  private final Map<Operation, TimeLimiter> timeLimiters = new EnumMap<>(Operation.class);
  private final Duration retryAfter;

  ResilientUpstream(
      RegionRouter router,
      UpstreamClients clients,
      CircuitBreakerRegistry breakers,
      ProviderErrors providerErrors,
      ResilienceProperties properties) {
    this.router = router;
    this.clients = clients;
    this.breakers = breakers;
    this.providerErrors = providerErrors;
    this.retryAfter = properties.getCircuitBreaker().getWaitDurationInOpenState();
    for (Operation operation : Operation.values()) {
      TimeLimiterConfig config =
          TimeLimiterConfig.custom().timeoutDuration(properties.timeout(operation)).build();
      timeLimiters.put(operation, TimeLimiter.of(operation.name().toLowerCase(), config));
    }
  }

  @Override
  public <T> Mono<T> call(
      Account account, Operation operation, Function<CustomersApi, Mono<T>> request) {
    return attempt(new Attempt<>(account, operation, request, router.endpointsFor(account)), 0);
  }

  private <T> Mono<T> attempt(Attempt<T> attempt, int index) {
    UpstreamEndpoint endpoint = attempt.endpoints().get(index);
    CircuitBreaker breaker = breakers.circuitBreaker(endpoint.name());
    CustomersApi client = clients.client(attempt.account(), endpoint);

    return Mono.defer(() -> attempt.request().apply(client))
        .transformDeferred(TimeLimiterOperator.of(timeLimiters.get(attempt.operation())))
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .onErrorResume(error -> handleFailure(attempt, index, error));
  }

  private <T> Mono<T> handleFailure(Attempt<T> attempt, int index, Throwable error) {
    UpstreamEndpoint endpoint = attempt.endpoints().get(index);
    UpstreamFailure failure = UpstreamFailure.classify(endpoint, error);
    if (failure.kind() == UpstreamFailure.Kind.CLIENT_ERROR) {
      return Mono.error(providerErrors.toProblem(error, attempt.account()));
    }

    attempt.failures().add(failure);
    boolean hasNext = index + 1 < attempt.endpoints().size();
    if (hasNext && failure.allowsFailover(attempt.operation())) {
      // The exception itself is not logged: its message carries the request URL, and a
      // lookup's URL contains the customer's email.
      log.warn(
          "'{}' {} failed ({}: {}), failing over to '{}'",
          endpoint.name(),
          attempt.operation(),
          failure.kind(),
          providerErrors.describe(failure),
          attempt.endpoints().get(index + 1).name());
      return attempt(attempt, index + 1);
    }
    log.warn(
        "'{}' {} failed ({}: {}) and no endpoint is left to try",
        endpoint.name(),
        attempt.operation(),
        failure.kind(),
        providerErrors.describe(failure));
    return Mono.error(finalProblem(attempt));
  }

  private FacadeProblem finalProblem(Attempt<?> attempt) {
    List<UpstreamFailure> failures = attempt.failures();
    UpstreamFailure last = failures.get(failures.size() - 1);
    String location = attempt.account().region() + " " + attempt.account().environment();

    // The last endpoint decides: when it could not be reached, no endpoint can serve right now,
    // whatever the earlier ones returned.
    if (last.unavailable()) {
      return FacadeProblem.regionUnavailable(location, retryAfter, last.error());
    }
    if (last.kind() == UpstreamFailure.Kind.RESPONSE_TOO_LARGE
        || last.kind() == UpstreamFailure.Kind.UNREADABLE_RESPONSE) {
      return FacadeProblem.unreadableResponse(
          last.endpoint().name(), providerErrors.describe(last), last.error());
    }
    if (last.kind() == UpstreamFailure.Kind.TIMEOUT) {
      return FacadeProblem.upstreamTimeout(
          last.endpoint().name(),
          timeLimiters.get(attempt.operation()).getTimeLimiterConfig().getTimeoutDuration(),
          last.error());
    }
    return FacadeProblem.badGateway(
        last.endpoint().name(), providerErrors.describe(last), last.error());
  }

  /** State of one call across its endpoints. */
  private record Attempt<T>(
      Account account,
      Operation operation,
      Function<CustomersApi, Mono<T>> request,
      List<UpstreamEndpoint> endpoints,
      List<UpstreamFailure> failures) {

    Attempt(
        Account account,
        Operation operation,
        Function<CustomersApi, Mono<T>> request,
        List<UpstreamEndpoint> endpoints) {
      this(account, operation, request, endpoints, new ArrayList<>());
    }
  }
}
