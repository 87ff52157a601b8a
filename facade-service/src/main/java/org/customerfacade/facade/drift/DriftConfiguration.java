package org.customerfacade.facade.drift;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Drift detection beans. The upstream clients add {@link DriftSamplingFilter} to their calls. */
@Configuration(proxyBeanMethods = false)
class DriftConfiguration {

  @Bean(destroyMethod = "close")
  DriftChecks driftChecks(DriftProperties properties, MeterRegistry meters, Clock clock) {
    DriftDetector detector = new DriftDetector(ResponseSchemas.fromClasspath());
    DriftReporter reporter = new DriftReporter(meters, clock, properties.getMaxWarningsPerMinute());
    return new DriftChecks(detector, reporter, properties.getQueueCapacity());
  }

  @Bean
  DriftSamplingFilter driftSamplingFilter(DriftChecks checks, DriftProperties properties) {
    return new DriftSamplingFilter(checks, properties);
  }
}
