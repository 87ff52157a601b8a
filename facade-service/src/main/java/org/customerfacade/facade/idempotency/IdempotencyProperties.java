package org.customerfacade.facade.idempotency;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Storage of the results of creates sent with an {@code Idempotency-Key} header. */
@Validated
@ConfigurationProperties(prefix = IdempotencyProperties.PREFIX)
public class IdempotencyProperties {

  public static final String PREFIX = "facade.idempotency";

  /** How long a key maps to its first result; default 24 hours. */
  @NotNull private Duration ttl = Duration.ofHours(24);

  /** Maximum number of keys kept in this replica's memory; default 100000. */
  @Min(value = 1, message = "must be at least 1")
  private long maximumSize = 100_000;

  /**
   * Redis that stores the keys for every replica, such as {@code redis://127.0.0.1:6379}; default
   * none, which keeps them in this replica's memory.
   */
  private @Nullable URI redisUrl;

  /**
   * Maximum wait of a repeat for a create that another request is still running; default 10 s. With
   * Redis, a pending key expires after twice this time, so keep it above {@code
   * facade.resilience.deadline}.
   */
  @NotNull private Duration pendingWait = Duration.ofSeconds(10);

  public @Nullable URI getRedisUrl() {
    return redisUrl;
  }

  public void setRedisUrl(@Nullable URI redisUrl) {
    this.redisUrl = redisUrl;
  }

  public Duration getPendingWait() {
    return pendingWait;
  }

  public void setPendingWait(Duration pendingWait) {
    this.pendingWait = pendingWait;
  }

  public Duration getTtl() {
    return ttl;
  }

  public void setTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(PREFIX + ".ttl must be positive but was " + ttl);
    }
    this.ttl = ttl;
  }

  public long getMaximumSize() {
    return maximumSize;
  }

  public void setMaximumSize(long maximumSize) {
    this.maximumSize = maximumSize;
  }
}
