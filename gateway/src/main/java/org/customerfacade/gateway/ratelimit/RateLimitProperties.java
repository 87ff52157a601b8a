package org.customerfacade.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-consumer token buckets for the {@code RequestRateLimiter} filter. Each request takes {@code
 * requested-tokens} from its consumer's bucket, which contains at most {@code burst-capacity}
 * tokens and refills at {@code replenish-rate} tokens per second; a request that finds too few
 * tokens gets a 429.
 */
@Validated
@ConfigurationProperties(prefix = RateLimitProperties.PREFIX)
public class RateLimitProperties {

  public static final String PREFIX = "edge.rate-limit";

  /** Storage of the token buckets. Defaults to {@link Store#LOCAL}. */
  @NotNull(message = PREFIX + ".store must be local or redis, but was missing")
  private Store store = Store.LOCAL;

  /** Limit of every consumer without its own entry in {@link #consumers}. */
  @Valid private Limit defaults = new Limit();

  /** Limits by consumer id, replacing {@link #defaults} for those consumers. */
  private Map<String, @Valid Limit> consumers = new LinkedHashMap<>();

  /** Returns the limit that applies to a consumer. */
  public Limit limitFor(String consumerId) {
    return consumers.getOrDefault(consumerId, defaults);
  }

  public Store getStore() {
    return store;
  }

  public void setStore(Store store) {
    this.store = store;
  }

  public Limit getDefaults() {
    return defaults;
  }

  public void setDefaults(Limit defaults) {
    this.defaults = defaults;
  }

  public Map<String, Limit> getConsumers() {
    return consumers;
  }

  public void setConsumers(Map<String, Limit> consumers) {
    this.consumers = consumers;
  }

  /** Storage of the token buckets. */
  public enum Store {
    /** In this gateway's memory: each replica limits on its own. */
    LOCAL,
    /**
     * In Redis, configured through {@code spring.data.redis.*}, shared by every replica. While
     * Redis fails, the gateway falls back to local buckets.
     */
    REDIS
  }

  /** One token bucket's size and refill rate. */
  public static class Limit {

    /** Tokens added per second. Defaults to 50. */
    @Min(
        value = 1,
        message = PREFIX + ".*.replenish-rate must be at least 1, but was ${validatedValue}")
    private int replenishRate = 50;

    /** Maximum tokens in the bucket, so the largest burst. Defaults to 100. */
    @Min(
        value = 1,
        message = PREFIX + ".*.burst-capacity must be at least 1, but was ${validatedValue}")
    private int burstCapacity = 100;

    /**
     * Tokens one request takes. Defaults to 1; raise it with the capacity for limits below one
     * request per second, e.g. 60 tokens per request at 1 token per second is one request a minute.
     */
    @Min(
        value = 1,
        message = PREFIX + ".*.requested-tokens must be at least 1, but was ${validatedValue}")
    private int requestedTokens = 1;

    @AssertTrue(
        message =
            PREFIX
                + ".*.requested-tokens must not exceed burst-capacity, because such a bucket never"
                + " holds enough tokens for one request")
    boolean isSatisfiable() {
      return requestedTokens <= burstCapacity;
    }

    /** Requests that a full bucket allows, the {@code RateLimit-Limit} header. */
    public long requestsPerBurst() {
      return burstCapacity / requestedTokens;
    }

    public int getReplenishRate() {
      return replenishRate;
    }

    public void setReplenishRate(int replenishRate) {
      this.replenishRate = replenishRate;
    }

    public int getBurstCapacity() {
      return burstCapacity;
    }

    public void setBurstCapacity(int burstCapacity) {
      this.burstCapacity = burstCapacity;
    }

    public int getRequestedTokens() {
      return requestedTokens;
    }

    public void setRequestedTokens(int requestedTokens) {
      this.requestedTokens = requestedTokens;
    }
  }
}
