package org.customerfacade.facade.upstream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Time limits and circuit breakers of the calls to the provider, one breaker per endpoint.
 *
 * <p>Every limit is explicit here rather than left to a library default, so the configuration shows
 * how long a caller can wait.
 */
@Validated
@ConfigurationProperties(prefix = ResilienceProperties.PREFIX)
public class ResilienceProperties {

  public static final String PREFIX = "facade.resilience";

  /** Time allowed to open a TCP connection to an endpoint; default 1 second. */
  @NotNull private Duration connectTimeout = Duration.ofSeconds(1);

  /**
   * Time allowed for one call to one endpoint, by operation. Defaults: 2 seconds for retrieve and
   * find, 5 seconds for create, update and delete.
   */
  private Map<Operation, Duration> timeouts = defaultTimeouts();

  @Valid @NotNull private CircuitBreakerOptions circuitBreaker = new CircuitBreakerOptions();

  /** Returns the time limit of an operation. */
  public Duration timeout(Operation operation) {
    return timeouts.getOrDefault(operation, defaultTimeouts().get(operation));
  }

  private static Map<Operation, Duration> defaultTimeouts() {
    Map<Operation, Duration> defaults = new EnumMap<>(Operation.class);
    defaults.put(Operation.RETRIEVE, Duration.ofSeconds(2));
    defaults.put(Operation.FIND, Duration.ofSeconds(2));
    defaults.put(Operation.CREATE, Duration.ofSeconds(5));
    defaults.put(Operation.UPDATE, Duration.ofSeconds(5));
    defaults.put(Operation.DELETE, Duration.ofSeconds(5));
    return defaults;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Map<Operation, Duration> getTimeouts() {
    return timeouts;
  }

  public void setTimeouts(Map<Operation, Duration> timeouts) {
    Map<Operation, Duration> merged = defaultTimeouts();
    timeouts.forEach(
        (operation, timeout) -> {
          if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                PREFIX + ".timeouts." + operation + " must be positive but was " + timeout);
          }
          merged.put(operation, timeout);
        });
    this.timeouts = merged;
  }

  public CircuitBreakerOptions getCircuitBreaker() {
    return circuitBreaker;
  }

  public void setCircuitBreaker(CircuitBreakerOptions circuitBreaker) {
    this.circuitBreaker = circuitBreaker;
  }

  /** Settings shared by the circuit breaker of every endpoint. */
  public static class CircuitBreakerOptions {

    /** Percentage of failed calls that opens the breaker, 1 to 100; default 50. */
    @DecimalMin("1")
    @DecimalMax("100")
    private float failureRateThreshold = 50;

    /** Percentage of slow calls that opens the breaker, 1 to 100; default 80. */
    @DecimalMin("1")
    @DecimalMax("100")
    private float slowCallRateThreshold = 80;

    /** Duration above which a call counts as slow; default 1500 ms. */
    @NotNull private Duration slowCallDurationThreshold = Duration.ofMillis(1500);

    /** Number of recent calls over which the rates are computed; default 20. */
    @Min(1)
    private int slidingWindowSize = 20;

    /** Calls needed in the window before the rates are judged; default 5. */
    @Min(1)
    private int minimumNumberOfCalls = 5;

    /** Time an open breaker rejects calls before letting trial calls through; default 10 s. */
    @NotNull private Duration waitDurationInOpenState = Duration.ofSeconds(10);

    /** Trial calls let through while half-open; default 2. */
    @Min(1)
    private int permittedNumberOfCallsInHalfOpenState = 2;

    public float getFailureRateThreshold() {
      return failureRateThreshold;
    }

    public void setFailureRateThreshold(float failureRateThreshold) {
      this.failureRateThreshold = failureRateThreshold;
    }

    public float getSlowCallRateThreshold() {
      return slowCallRateThreshold;
    }

    public void setSlowCallRateThreshold(float slowCallRateThreshold) {
      this.slowCallRateThreshold = slowCallRateThreshold;
    }

    public Duration getSlowCallDurationThreshold() {
      return slowCallDurationThreshold;
    }

    public void setSlowCallDurationThreshold(Duration slowCallDurationThreshold) {
      this.slowCallDurationThreshold = slowCallDurationThreshold;
    }

    public int getSlidingWindowSize() {
      return slidingWindowSize;
    }

    public void setSlidingWindowSize(int slidingWindowSize) {
      this.slidingWindowSize = slidingWindowSize;
    }

    public int getMinimumNumberOfCalls() {
      return minimumNumberOfCalls;
    }

    public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
      this.minimumNumberOfCalls = minimumNumberOfCalls;
    }

    public Duration getWaitDurationInOpenState() {
      return waitDurationInOpenState;
    }

    public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
      this.waitDurationInOpenState = waitDurationInOpenState;
    }

    public int getPermittedNumberOfCallsInHalfOpenState() {
      return permittedNumberOfCallsInHalfOpenState;
    }

    public void setPermittedNumberOfCallsInHalfOpenState(
        int permittedNumberOfCallsInHalfOpenState) {
      this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
    }
  }
}
