package org.customerfacade.facade.cache;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The read cache of customers and lookups. */
@Validated
@ConfigurationProperties(prefix = CacheProperties.PREFIX)
public class CacheProperties {

  public static final String PREFIX = "facade.cache";

  /** Whether reads are cached; default true. When false every read goes to the provider. */
  private boolean enabled = true;

  /** Time an entry is served as fresh after it was fetched; default 60 seconds. */
  @NotNull private Duration ttl = Duration.ofSeconds(60);

  /**
   * Time a provider 404 or an empty lookup result is served after it was fetched; default 5
   * seconds. Kept short because a create or an update on another replica may end it.
   */
  @NotNull private Duration negativeTtl = Duration.ofSeconds(5);

  /**
   * Time an entry is kept after its TTL to serve reads while the region's endpoints fail; default 5
   * minutes. Zero turns stale-if-error off.
   */
  @NotNull private Duration maxStale = Duration.ofMinutes(5);

  /**
   * Time before expiry within which a hot entry is refreshed in the background; default 10 seconds.
   * Zero turns refresh-ahead off.
   */
  @NotNull private Duration refreshAhead = Duration.ofSeconds(10);

  /** Reads of one entry after which it counts as hot and is refreshed ahead; default 3. */
  @Min(value = 1, message = "must be at least 1")
  private int hotEntryReads = 3;

  /** Estimated heap size of all entries together, customers and lookups; default 64MB. */
  @NotNull private DataSize maximumWeight = DataSize.ofMegabytes(64);

  @Valid private final Redis redis = new Redis();

  /**
   * Invalidations shared between replicas over Redis pub/sub, and the optional second level of
   * customers in Redis. The connection is Spring Boot's, set with {@code spring.data.redis.host}
   * and {@code spring.data.redis.port}.
   */
  public static class Redis {

    /** Whether invalidations are published to and received from Redis; default false. */
    private boolean enabled;

    /**
     * Interval of the heartbeat each replica publishes; default 1s. A replica that writes nothing
     * still notices when Redis returns, so it drops the entries whose invalidations it may have
     * missed.
     */
    @NotNull private Duration heartbeat = Duration.ofSeconds(1);

    /** Pub/sub channel of the invalidations; default {@code facade:cache:invalidations}. */
    @NotBlank(message = "must not be blank")
    private String channel = "facade:cache:invalidations";

    /**
     * Whether customers by id are also kept in Redis as a second level; default false. Every
     * replica reads it on a local miss, so a new replica starts warm.
     */
    private boolean secondLevel;

    /** Prefix of the second level's keys; default {@code facade:cache:customer:}. */
    @NotBlank(message = "must not be blank")
    private String keyPrefix = "facade:cache:customer:";

    /**
     * Maximum wait for a second-level read before the replica calls the provider instead; default
     * 100ms.
     */
    @NotNull private Duration readTimeout = Duration.ofMillis(100);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getChannel() {
      return channel;
    }

    public void setChannel(String channel) {
      this.channel = channel;
    }

    public Duration getHeartbeat() {
      return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
      if (heartbeat.isNegative() || heartbeat.isZero()) {
        throw new IllegalArgumentException(
            PREFIX + ".redis.heartbeat must be positive but was " + heartbeat);
      }
      this.heartbeat = heartbeat;
    }

    public boolean isSecondLevel() {
      return secondLevel;
    }

    public void setSecondLevel(boolean secondLevel) {
      this.secondLevel = secondLevel;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }
  }

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
    this.ttl = positive("ttl", ttl);
  }

  public Duration getNegativeTtl() {
    return negativeTtl;
  }

  public void setNegativeTtl(Duration negativeTtl) {
    this.negativeTtl = positive("negative-ttl", negativeTtl);
  }

  public Duration getMaxStale() {
    return maxStale;
  }

  public void setMaxStale(Duration maxStale) {
    this.maxStale = notNegative("max-stale", maxStale);
  }

  public Duration getRefreshAhead() {
    return refreshAhead;
  }

  public void setRefreshAhead(Duration refreshAhead) {
    this.refreshAhead = notNegative("refresh-ahead", refreshAhead);
  }

  public int getHotEntryReads() {
    return hotEntryReads;
  }

  public void setHotEntryReads(int hotEntryReads) {
    this.hotEntryReads = hotEntryReads;
  }

  public DataSize getMaximumWeight() {
    return maximumWeight;
  }

  public void setMaximumWeight(DataSize maximumWeight) {
    if (maximumWeight.toBytes() < 1) {
      throw new IllegalArgumentException(
          PREFIX + ".maximum-weight must be at least 1B but was " + maximumWeight);
    }
    this.maximumWeight = maximumWeight;
  }

  public Redis getRedis() {
    return redis;
  }

  private static Duration positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(PREFIX + "." + key + " must be positive but was " + value);
    }
    return value;
  }

  private static Duration notNegative(String key, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          PREFIX + "." + key + " must be zero or positive but was " + value);
    }
    return value;
  }
}
