package org.customerfacade.facade.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.facade.account.Region;
import org.customerfacade.facade.cache.CacheKey.ById;
import org.customerfacade.server.model.Customer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SharedCustomers} in Redis: one string key per account, region, API version and customer
 * id, holding the customer and the time it was fetched, and expiring with the cache's TTL.
 *
 * <p>Forgetting a customer writes a marker instead of deleting the key, so that a read which
 * fetched the old values before the change cannot share them afterwards: {@link #offer} only writes
 * a key that does not exist. The marker expires with the TTL, after every copy written before it.
 */
class RedisSharedCustomers implements SharedCustomers {

  private static final Logger log = LoggerFactory.getLogger(RedisSharedCustomers.class);

  private static final String FORGOTTEN = "forgotten";

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper mapper;
  private final Clock clock;
  private final String prefix;
  private final Duration ttl;
  private final Duration readTimeout;
  private final AtomicBoolean degraded = new AtomicBoolean();

  RedisSharedCustomers(
      ReactiveStringRedisTemplate redis,
      JsonMapper mapper,
      Clock clock,
      CacheProperties properties) {
    this.redis = redis;
    this.mapper = mapper;
    this.clock = clock;
    this.prefix = properties.getRedis().getKeyPrefix();
    this.ttl = properties.getTtl();
    this.readTimeout = properties.getRedis().getReadTimeout();
  }

  @Override
  public Mono<SharedCustomer> find(ById key) {
    return redis
        .opsForValue()
        .get(redisKey(key))
        .timeout(readTimeout)
        .doOnNext(ignored -> recovered())
        .onErrorResume(
            error -> {
              failed("read", error);
              return Mono.empty();
            })
        .flatMap(this::fresh);
  }

  @Override
  public Mono<Void> offer(ById key, Customer customer) {
    return write("share", key, customer, true);
  }

  @Override
  public Mono<Void> store(ById key, Customer customer) {
    return write("store", key, customer, false);
  }

  @Override
  public Mono<Void> forget(String account, long id) {
    // Like the local cache, which evicts the id in every region: the caller may not know the region
    // the forgotten copy was read from.
    return failOpen(
        "forget",
        Flux.fromArray(Region.values())
            .concatMap(
                region ->
                    redis
                        .opsForValue()
                        .set(
                            redisKey(account, region, CustomerApiClients.API_VERSION, id),
                            FORGOTTEN,
                            ttl))
            .then());
  }

  @Override
  public Mono<Void> forgetAccount(String account) {
    return unlinkMatching(prefix + escapeGlob(account) + ":*");
  }

  @Override
  public Mono<Void> forgetAll() {
    return unlinkMatching(escapeGlob(prefix) + "*");
  }

  private Mono<SharedCustomer> fresh(String value) {
    if (FORGOTTEN.equals(value)) {
      return Mono.empty();
    }
    Envelope envelope;
    try {
      envelope = mapper.readValue(value, Envelope.class);
    } catch (JacksonException unreadable) {
      // The message may quote the value, which contains personal data, so only the type is logged.
      log.warn(
          "Ignored an unreadable shared cache entry ({})", unreadable.getClass().getSimpleName());
      return Mono.empty();
    }
    Duration age = Duration.ofMillis(Math.max(0, clock.millis() - envelope.fetchedAtMillis()));
    if (age.compareTo(ttl) >= 0) {
      return Mono.empty();
    }
    return Mono.just(new SharedCustomer(envelope.customer(), age));
  }

  private Mono<Void> write(String action, ById key, Customer customer, boolean onlyIfAbsent) {
    String value;
    try {
      value = mapper.writeValueAsString(new Envelope(clock.millis(), customer));
    } catch (JacksonException unexpected) {
      log.error("Could not serialise customer {} for the shared cache", key.customerId());
      return Mono.empty();
    }
    String redisKey = redisKey(key);
    Mono<Boolean> command =
        onlyIfAbsent
            ? redis.opsForValue().setIfAbsent(redisKey, value, ttl)
            : redis.opsForValue().set(redisKey, value, ttl);
    return failOpen(action, command);
  }

  private Mono<Void> unlinkMatching(String pattern) {
    ScanOptions options = ScanOptions.scanOptions().match(pattern).count(1000).build();
    Mono<Long> unlinked =
        redis
            .scan(options)
            .buffer(1000)
            .concatMap(keys -> redis.unlink(keys.toArray(String[]::new)))
            .reduce(0L, Long::sum)
            .doOnNext(
                removed -> log.debug("Dropped {} shared entries matching {}", removed, pattern));
    return failOpen("purge", unlinked);
  }

  private Mono<Void> failOpen(String action, Mono<?> command) {
    return command
        .doOnNext(done -> recovered())
        .onErrorResume(
            error -> {
              failed(action, error);
              return Mono.empty();
            })
        .then();
  }

  private String redisKey(ById key) {
    return redisKey(
        key.scope().account(), key.scope().region(), key.scope().apiVersion(), key.customerId());
  }

  /**
   * Returns the key of a customer. The region is part of it because regions hold different
   * customers under the same ids, and a consumer allowed to choose the region must never be served
   * the other region's copy.
   */
  private String redisKey(String account, Region region, String apiVersion, long id) {
    return prefix
        + account
        + ":"
        + region.name().toLowerCase(Locale.ROOT)
        + ":"
        + apiVersion
        + ":"
        + id;
  }

  /** Escapes the characters that Redis's MATCH treats as wildcards. */
  private static String escapeGlob(String text) {
    return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  private void recovered() {
    if (degraded.compareAndSet(true, false)) {
      log.info("The shared cache in Redis is reachable again");
    }
  }

  private void failed(String action, Throwable error) {
    if (degraded.compareAndSet(false, true)) {
      log.warn(
          "The shared cache in Redis failed to {} ({}); using the local cache and the provider"
              + " until it returns",
          action,
          error.getClass().getSimpleName());
    }
  }

  /** Value of a key: the customer and when a replica fetched it, in epoch milliseconds. */
  record Envelope(long fetchedAtMillis, Customer customer) {}
}
