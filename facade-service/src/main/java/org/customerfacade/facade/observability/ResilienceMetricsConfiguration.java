package org.customerfacade.facade.observability;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes every endpoint's circuit breaker and bulkhead through Resilience4j's Micrometer
 * binding: {@code resilience4j.circuitbreaker.state} (1 for the current state of each breaker),
 * call counts and failure rates, and the bulkheads' free places. The binding follows the
 * registries, so breakers created on an endpoint's first call appear too.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceMetricsConfiguration {

  @Bean
  MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry breakers) {
    return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers);
  }

  @Bean
  MeterBinder bulkheadMetrics(BulkheadRegistry bulkheads) {
    return TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads);
  }
}
