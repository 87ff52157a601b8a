package org.customerfacade.facade.cache;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The read cache of customers and lookups. */
@Validated
@ConfigurationProperties(prefix = CacheProperties.PREFIX)
public class CacheProperties {

  public static final String PREFIX = "facade.cache";

  /** Whether reads are cached; default true. When false every read goes to the provider. */
  private boolean enabled = true;

  /** Time an entry is served after it was fetched; default 60 seconds. */
  @NotNull private Duration ttl = Duration.ofSeconds(60);

  /** Maximum number of entries, customers and lookups together; default 10,000. */
  @Min(value = 1, message = "must be at least 1")
  private long maximumSize = 10_000;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
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
