package org.customerfacade.facade.upstream;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.observability.RequestRecord;
import org.customerfacade.facade.observability.UpstreamMetrics;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.routing.RegionRouter;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.customerfacade.facade.tracing.ReactorThreadLocals;
import org.customerfacade.facade.tracing.Spans;
import org.customerfacade.facade.upstream.UpstreamFailure.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tries the account's endpoints in order, then, where repeating is safe, walks them again after a
 * backoff while the retry budget allows. One deadline bounds the whole request.
 *
 * <p>Each attempt runs under the operation's time limit inside the endpoint's circuit breaker, so a
 * timeout counts as a failure of that endpoint, and inside the endpoint's bulkhead, so a call
 * rejected for concurrency is never sent and never counts against the breaker.
 */
@Component
class ResilientUpstream implements Upstream {

  private static final Logger log = LoggerFactory.getLogger(ResilientUpstream.class);

  private final RegionRouter router;
  private final UpstreamClients clients;
  private final CircuitBreakerRegistry breakers;
  private final BulkheadRegistry bulkheads;
  private final ProviderErrors providerErrors;
  private final ProviderRateLimits rateLimits;
  private final RetryBudget retryBudget;
  private final Backoff backoff;
  private final Spans spans;
  private final UpstreamMetrics metrics;
  private final Map<Operation, TimeLimiter> timeLimiters = new EnumMap<>(Operation.class);
  private final Duration retryAfter;
  private final Duration deadline;
  private final int maxAttempts;

  ResilientUpstream(
      RegionRouter router,
      UpstreamClients clients,
      CircuitBreakerRegistry breakers,
      BulkheadRegistry bulkheads,
      ProviderErrors providerErrors,
      ProviderRateLimits rateLimits,
      RetryBudget retryBudget,
      Spans spans,
      ResilienceProperties properties,
      UpstreamMetrics metrics) {
    this.router = router;
    this.clients = clients;
    this.breakers = breakers;
    this.bulkheads = bulkheads;
    this.providerErrors = providerErrors;
    this.rateLimits = rateLimits;
    this.retryBudget = retryBudget;
    this.backoff = new Backoff(properties.getRetry());
    this.spans = spans;
    this.metrics = metrics;
    this.retryAfter = properties.getCircuitBreaker().getWaitDurationInOpenState();
    this.deadline = properties.getDeadline();
    this.maxAttempts = properties.getRetry().getMaxAttempts();
    for (Operation operation : Operation.values()) {
      TimeLimiterConfig config =
          TimeLimiterConfig.custom().timeoutDuration(properties.timeout(operation)).build();
      timeLimiters.put(operation, TimeLimiter.of(operation.name().toLowerCase(), config));
    }
  }

  @Override
  public <T> Mono<T> call(
      Account account, Operation operation, Function<CustomersApi, Mono<T>> request) {
    return spans.upstreamCall(operation, attempts(account, operation, request));
  }

  private <T> Mono<T> attempts(
      Account account, Operation operation, Function<CustomersApi, Mono<T>> request) {
    return Mono.deferContextual(
        context -> {
          Duration blocked = rateLimits.remaining(account);
          if (blocked != null) {
            return Mono.error(FacadeProblem.rateLimited(account.name(), blocked));
          }

          List<UpstreamEndpoint> endpoints =
              operation.readOnly()
                  ? router.readEndpointsFor(account)
                  : router.endpointsFor(account);
          if (endpoints.isEmpty()) {
            return Mono.error(
                FacadeProblem.noEndpoints(account.region() + " " + account.environment()));
          }

          retryBudget.recordRequest();
          RequestRecord record = context.getOrDefault(RequestRecord.KEY, null);
          Attempt<T> attempt = new Attempt<>(account, operation, request, endpoints, record);
          return startPass(attempt, 1)
              .timeout(
                  deadline,
                  Mono.error(
                      () ->
                          ReactorThreadLocals.callWith(context, () -> deadlineExceeded(attempt))));
        });
  }

  private <T> Mono<T> startPass(Attempt<T> attempt, int pass) {
    attempt.startPass(pass);
    return tryEndpoint(attempt, 0);
  }

  private <T> Mono<T> tryEndpoint(Attempt<T> attempt, int index) {
    UpstreamEndpoint endpoint = attempt.endpoints().get(index);
    CircuitBreaker breaker = breakers.circuitBreaker(endpoint.name());
    CustomersApi client = clients.client(attempt.account(), endpoint);

    Mono<T> call = Mono.defer(() -> attempt.request().apply(client));
    if (attempt.operation().expectsBody()) {
      call = call.switchIfEmpty(Mono.error(() -> new MissingBodyException(attempt.operation())));
    }
    Mono<T> guarded =
        call.transformDeferred(TimeLimiterOperator.of(timeLimiters.get(attempt.operation())))
            .transformDeferred(CircuitBreakerOperator.of(breaker))
            .transformDeferred(BulkheadOperator.of(bulkheads.bulkhead(endpoint.name())));
    return Mono.deferContextual(
        context -> {
          long startNanos = System.nanoTime();
          return guarded
              .doOnSuccess(
                  value -> recordCall(attempt, endpoint, UpstreamMetrics.SUCCESS, true, startNanos))
              .doOnCancel(() -> recordCall(attempt, endpoint, "cancelled", true, startNanos))
              .onErrorResume(
                  error -> {
                    UpstreamFailure failure = UpstreamFailure.classify(endpoint, error);
                    String outcome = failure.kind().name().toLowerCase(Locale.ROOT);
                    recordCall(attempt, endpoint, outcome, !failure.rejectedLocally(), startNanos);
                    // The warnings that handleFailure writes carry the request's trace.
                    return ReactorThreadLocals.callWith(
                        context, () -> handleFailure(attempt, index, failure));
                  });
        });
  }

  /**
   * Records one call in the metrics and, unless the facade rejected it before sending, as the
   * request's latest endpoint for the access log.
   */
  private void recordCall(
      Attempt<?> attempt,
      UpstreamEndpoint endpoint,
      String outcome,
      boolean sent,
      long startNanos) {
    metrics.recordCall(
        endpoint.name(), attempt.operationTag(), outcome, System.nanoTime() - startNanos);
    if (sent && attempt.requestRecord() != null) {
      attempt.requestRecord().recordUpstreamAttempt(endpoint.name());
    }
  }

  private <T> Mono<T> handleFailure(Attempt<T> attempt, int index, UpstreamFailure failure) {
    UpstreamEndpoint endpoint = failure.endpoint();
    if (failure.kind() == Kind.CLIENT_ERROR) {
      return Mono.error(clientError(attempt.account(), failure.error()));
    }

    attempt.record(failure);
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
      metrics.recordFailover(
          endpoint.name(), attempt.endpoints().get(index + 1).name(), attempt.operationTag());
      return tryEndpoint(attempt, index + 1);
    }
    if (mayRetry(attempt, failure)) {
      Duration delay = backoff.delay(attempt.pass());
      log.warn(
          "'{}' {} failed ({}: {}), retrying pass {} of {} in {} ms",
          endpoint.name(),
          attempt.operation(),
          failure.kind(),
          providerErrors.describe(failure),
          attempt.pass() + 1,
          maxAttempts,
          delay.toMillis());
      metrics.recordRetry(attempt.regionTag(), attempt.environmentTag(), attempt.operationTag());
      return Mono.delay(delay).then(Mono.defer(() -> startPass(attempt, attempt.pass() + 1)));
    }
    log.warn(
        "'{}' {} failed ({}: {}) and no endpoint or retry is left",
        endpoint.name(),
        attempt.operation(),
        failure.kind(),
        providerErrors.describe(failure));
    return Mono.error(finalProblem(attempt));
  }

  /**
   * Returns whether another pass may start. A pass in which every endpoint rejected the call
   * without sending it is not repeated: breakers stay open far longer than a backoff, so the caller
   * gets a fast 503 instead.
   */
  private boolean mayRetry(Attempt<?> attempt, UpstreamFailure last) {
    if (attempt.pass() >= maxAttempts || !last.retryable(attempt.operation())) {
      return false;
    }
    if (attempt.passFailures().stream().allMatch(UpstreamFailure::rejectedLocally)) {
      return false;
    }
    if (!retryBudget.tryAcquireRetry()) {
      log.warn(
          "'{}' {} not retried: the retry budget is spent",
          last.endpoint().name(),
          attempt.operation());
      metrics.recordRetryDenied(
          attempt.regionTag(), attempt.environmentTag(), attempt.operationTag());
      return false;
    }
    return true;
  }

  private FacadeProblem clientError(Account account, Throwable error) {
    FacadeProblem problem = providerErrors.toProblem(error, account);
    if (problem.status().value() == 429 && problem.retryAfter() != null) {
      log.warn(
          "Account '{}' rate-limited by the provider for {} s",
          account.name(),
          problem.retryAfter().toSeconds());
      rateLimits.block(account, problem.retryAfter());
    }
    return problem;
  }

  private FacadeProblem finalProblem(Attempt<?> attempt) {
    List<UpstreamFailure> failures = attempt.passFailures();
    UpstreamFailure last = failures.get(failures.size() - 1);
    String location = attempt.account().region() + " " + attempt.account().environment();

    // The last endpoint decides: when it could not be reached, no endpoint can serve right now,
    // whatever the earlier ones returned.
    if (last.unavailable()) {
      return FacadeProblem.regionUnavailable(location, retryAfter, last.error());
    }
    if (last.kind() == Kind.RESPONSE_TOO_LARGE || last.kind() == Kind.UNREADABLE_RESPONSE) {
      return FacadeProblem.unreadableResponse(
          last.endpoint().name(), providerErrors.describe(last), last.error());
    }
    if (last.kind() == Kind.TIMEOUT) {
      return FacadeProblem.upstreamTimeout(
          last.endpoint().name(),
          timeLimiters.get(attempt.operation()).getTimeLimiterConfig().getTimeoutDuration(),
          last.error());
    }
    return FacadeProblem.badGateway(
        last.endpoint().name(), providerErrors.describe(last), last.error());
  }

  private FacadeProblem deadlineExceeded(Attempt<?> attempt) {
    UpstreamFailure last = attempt.lastFailure();
    String lastFailure =
        last == null
            ? null
            : last.kind() + " at '" + last.endpoint().name() + "' (" + describe(last) + ")";
    log.warn(
        "{} for account '{}' exceeded its deadline of {} ms after {} attempt(s)",
        attempt.operation(),
        attempt.account().name(),
        deadline.toMillis(),
        attempt.attempts() + 1);
    return FacadeProblem.deadlineExceeded(deadline, attempt.attempts() + 1, lastFailure);
  }

  private String describe(UpstreamFailure failure) {
    return providerErrors.describe(failure);
  }
}
