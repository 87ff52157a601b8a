package org.customerfacade.facade.tracing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Spans of the facade's own steps, recorded as Micrometer observations, which the OpenTelemetry
 * bridge turns into spans and the meter registry into timers of the same name.
 *
 * <p>Each span's parent is the observation in the subscriber's Reactor context, where WebFlux puts
 * the server span of the request, and the span itself becomes the parent of everything its {@link
 * Mono} subscribes, such as the WebClient's HTTP client span.
 */
@Component
public class Spans {

  /** Observation and timer name of one read through the cache, hit or miss. */
  public static final String CACHE_LOOKUP = "facade.cache.lookup";

  /** Observation and timer name of one call to the provider, every retry and failover included. */
  public static final String UPSTREAM_CALL = "facade.upstream.call";

  /**
   * Low-cardinality tag with the Customer API operation in lower case, such as {@code retrieve}.
   */
  public static final String OPERATION_TAG = "operation";

  private final ObservationRegistry registry;

  public Spans(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * Runs a cache lookup in a {@value #CACHE_LOOKUP} span. The loader that the lookup calls on a
   * miss keeps the caller's context, because the cache may subscribe it outside the lookup's
   * reactive chain, so its upstream span is a sibling of the lookup span under the request's span.
   *
   * @param lookup the cache call, given the loader to pass on
   */
  public <T, V> Mono<T> cacheLookup(
      Enum<?> operation, Supplier<Mono<V>> loader, Function<Supplier<Mono<V>>, Mono<T>> lookup) {
    return Mono.deferContextual(
        context -> {
          Supplier<Mono<V>> loaderInCallerContext = () -> loader.get().contextWrite(context);
          return observe(CACHE_LOOKUP, "cache", operation, lookup.apply(loaderInCallerContext));
        });
  }

  /** Runs a call to the provider in a {@value #UPSTREAM_CALL} span. */
  public <T> Mono<T> upstreamCall(Enum<?> operation, Mono<T> call) {
    return observe(UPSTREAM_CALL, "upstream", operation, call);
  }

  private <T> Mono<T> observe(String name, String step, Enum<?> operation, Mono<T> source) {
    if (registry.isNoop()) {
      return source;
    }
    String operationName = operation.name().toLowerCase(Locale.ROOT);
    return Mono.deferContextual(
        context -> {
          Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
          Observation observation =
              Observation.createNotStarted(name, registry)
                  .contextualName(step + " " + operationName)
                  .lowCardinalityKeyValue(KeyValue.of(OPERATION_TAG, operationName))
                  .parentObservation(parent)
                  .start();
          return source
              .doOnError(observation::error)
              .doFinally(signal -> observation.stop())
              .contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
        });
  }
}
