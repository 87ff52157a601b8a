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

  /**
   * Time allowed for a whole request to the provider, every retry, backoff and failover included;
   * default 8 seconds, below the gateway's 10-second response timeout.
   */
  @NotNull private Duration deadline = Duration.ofSeconds(8);

  @Valid @NotNull private CircuitBreakerOptions circuitBreaker = new CircuitBreakerOptions();

  @Valid @NotNull private RetryOptions retry = new RetryOptions();

  @Valid @NotNull private RetryBudgetOptions retryBudget = new RetryBudgetOptions();

  @Valid @NotNull private BulkheadOptions bulkhead = new BulkheadOptions();

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

  public Duration getDeadline() {
    return deadline;
  }

  public void setDeadline(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException(PREFIX + ".deadline must be positive but was " + deadline);
    }
    this.deadline = deadline;
  }

  public RetryOptions getRetry() {
    return retry;
  }

  public void setRetry(RetryOptions retry) {
    this.retry = retry;
  }

  public RetryBudgetOptions getRetryBudget() {
    return retryBudget;
  }

  public void setRetryBudget(RetryBudgetOptions retryBudget) {
    this.retryBudget = retryBudget;
  }

  public BulkheadOptions getBulkhead() {
    return bulkhead;
  }

  public void setBulkhead(BulkheadOptions bulkhead) {
    this.bulkhead = bulkhead;
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

  /**
   * Repeats of a request after every endpoint of the region failed. Each repeat walks the endpoints
   * again after a backoff drawn uniformly between zero and {@code initialBackoff * 2^(n-1)}, capped
   * at {@code maxBackoff} ("full jitter").
   */
  public static class RetryOptions {

    /** Passes over the endpoints, the first included; 1 turns retries off; default 3. */
    @Min(value = 1, message = "must be at least 1 (1 turns retries off)")
    private int maxAttempts = 3;

    /** Upper bound of the first backoff; default 100 ms. */
    @NotNull private Duration initialBackoff = Duration.ofMillis(100);

    /** Cap of every backoff; default 2 seconds. */
    @NotNull private Duration maxBackoff = Duration.ofSeconds(2);

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /**
   * Limit of retries relative to requests over a sliding window, so that retries cannot multiply
   * the load on a provider that is already failing.
   */
  public static class RetryBudgetOptions {

    /** Retries allowed per 100 requests in the window, 0 to 100; default 20. */
    @DecimalMin(value = "0", message = "must be between 0 and 100")
    @DecimalMax(value = "100", message = "must be between 0 and 100")
    private double percent = 20;

    /** Retries always allowed in a window, so that a quiet service can still retry; default 3. */
    @Min(value = 0, message = "must be 0 or more")
    private int minimumRetries = 3;

    /** Length of the sliding window; default 10 seconds. */
    @NotNull private Duration window = Duration.ofSeconds(10);

    public double getPercent() {
      return percent;
    }

    public void setPercent(double percent) {
      this.percent = percent;
    }

    public int getMinimumRetries() {
      return minimumRetries;
    }

    public void setMinimumRetries(int minimumRetries) {
      this.minimumRetries = minimumRetries;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }
  }

  /** Concurrency limit of each endpoint. */
  public static class BulkheadOptions {

    /**
     * Calls in flight allowed per endpoint; a call beyond it is not sent and moves on to the next
     * endpoint; default 50.
     */
    @Min(value = 1, message = "must be at least 1")
    private int maxConcurrentCalls = 50;

    public int getMaxConcurrentCalls() {
      return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
      this.maxConcurrentCalls = maxConcurrentCalls;
    }
  }
}
