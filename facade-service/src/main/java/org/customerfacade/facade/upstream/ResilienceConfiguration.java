package org.customerfacade.facade.upstream;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import org.customerfacade.facade.upstream.ResilienceProperties.CircuitBreakerOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the circuit breaker and bulkhead registries from {@link ResilienceProperties}. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(ResilienceProperties properties, Clock clock) {
    CircuitBreakerOptions options = properties.getCircuitBreaker();
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(options.getSlidingWindowSize())
            .minimumNumberOfCalls(options.getMinimumNumberOfCalls())
            .failureRateThreshold(options.getFailureRateThreshold())
            .slowCallRateThreshold(options.getSlowCallRateThreshold())
            .slowCallDurationThreshold(options.getSlowCallDurationThreshold())
            .waitDurationInOpenState(options.getWaitDurationInOpenState())
            .permittedNumberOfCallsInHalfOpenState(
                options.getPermittedNumberOfCallsInHalfOpenState())
            // The provider's 4xx responses (429 included) tell nothing about the endpoint's health.
            .recordException(UpstreamFailure::countsAgainstEndpoint)
            .clock(clock)
            .build();
    return CircuitBreakerRegistry.of(config);
  }

  /** Semaphore bulkheads that reject at once, so a full endpoint sends the call to the next one. */
  @Bean
  BulkheadRegistry bulkheadRegistry(ResilienceProperties properties) {
    BulkheadConfig config =
        BulkheadConfig.custom()
            .maxConcurrentCalls(properties.getBulkhead().getMaxConcurrentCalls())
            .maxWaitDuration(Duration.ZERO)
            .build();
    return BulkheadRegistry.of(config);
  }
}
