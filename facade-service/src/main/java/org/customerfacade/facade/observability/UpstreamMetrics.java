package org.customerfacade.facade.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Meters of the calls to the provider: {@value #CALLS} per endpoint, operation and outcome, {@value
 * #RETRIES} and {@value #RETRIES_DENIED} per region, environment and operation, and {@value
 * #FAILOVERS} per source endpoint, target endpoint and operation.
 *
 * <p>Every tag value comes from configuration or a fixed set (endpoint names, operations, failure
 * kinds), so the number of series is bounded. Registration is looked up on each call, which costs
 * less than the network call it measures.
 */
@Component
public class UpstreamMetrics {

  static final String CALLS = "facade.upstream.calls";
  static final String RETRIES = "facade.upstream.retries";
  static final String RETRIES_DENIED = "facade.upstream.retries.denied";
  static final String FAILOVERS = "facade.upstream.failovers";

  /** Outcome tag of a call that returned a success status. */
  public static final String SUCCESS = "success";

  private final MeterRegistry registry;

  public UpstreamMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records one call to one endpoint. Calls that the breaker or bulkhead rejected before sending
   * count too, with an outcome that names the rejection.
   */
  public void recordCall(String endpoint, String operation, String outcome, long nanos) {
    Timer.builder(CALLS)
        .description("Calls to one provider endpoint, by outcome")
        .tag("endpoint", endpoint)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts a new pass over a region's endpoints after every endpoint of the last pass failed. */
  public void recordRetry(String region, String environment, String operation) {
    counter(RETRIES, "Passes over a region's endpoints after a backoff", region, environment)
        .tag("operation", operation)
        .register(registry)
        .increment();
  }

  /** Counts a retry that the retry budget did not allow. */
  public void recordRetryDenied(String region, String environment, String operation) {
    counter(
            RETRIES_DENIED,
            "Retries not made because the retry budget was spent",
            region,
            environment)
        .tag("operation", operation)
        .register(registry)
        .increment();
  }

  /** Counts a move from a failed endpoint to the next one of the same request. */
  public void recordFailover(String from, String to, String operation) {
    Counter.builder(FAILOVERS)
        .description("Moves of a request from a failed endpoint to the next one")
        .tag("from", from)
        .tag("to", to)
        .tag("operation", operation)
        .register(registry)
        .increment();
  }

  private static Counter.Builder counter(
      String name, String description, String region, String environment) {
    return Counter.builder(name)
        .description(description)
        .tag("region", region)
        .tag("environment", environment);
  }
}
