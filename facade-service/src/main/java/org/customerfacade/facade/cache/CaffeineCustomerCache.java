package org.customerfacade.facade.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.cache.CacheKey.ById;
import org.customerfacade.facade.cache.CacheKey.ByLookup;
import org.customerfacade.facade.cache.CacheKey.Scope;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link CustomerCache} on a Caffeine {@link AsyncCache}.
 *
 * <p>The cache maps each key to a future, which is what makes concurrent misses share one load.
 * Loads never complete exceptionally: a failure is stored as a {@link Failed} outcome, handed to
 * every waiting caller, and then removed. Caffeine would otherwise log each failed load, and a
 * provider 404 is an ordinary answer, not an incident.
 */
@Component
class CaffeineCustomerCache implements CustomerCache {

  private static final Logger log = LoggerFactory.getLogger(CaffeineCustomerCache.class);

  private final boolean enabled;
  private final Ticker ticker;
  private final AsyncCache<CacheKey, Outcome> cache;

  CaffeineCustomerCache(CacheProperties properties, Ticker ticker) {
    this.enabled = properties.isEnabled();
    this.ticker = ticker;
    this.cache =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfter(new LoadTimeExpiry(properties.getTtl()))
            .maximumSize(properties.getMaximumSize())
            .buildAsync();
  }

  @Override
  public Mono<CachedRead<Customer>> retrieve(
      Account account, String apiVersion, long id, Supplier<Mono<Customer>> loader) {
    return read(new ById(Scope.of(account, apiVersion), id), loader);
  }

  @Override
  public Mono<CachedRead<List<Customer>>> find(
      Account account,
      String apiVersion,
      LookupCriteria criteria,
      Supplier<Mono<List<Customer>>> loader) {
    return read(new ByLookup(Scope.of(account, apiVersion), criteria), loader);
  }

  @Override
  public void onCreated(Account account, Customer created) {
    invalidateLookups(account, criteria -> criteria.matches(created), id -> false);
  }

  @Override
  public void onChanged(Account account, long id, @Nullable Customer updated) {
    cache
        .asMap()
        .keySet()
        .removeIf(
            key ->
                key instanceof ById byId && sameAccount(key, account) && byId.customerId() == id);
    invalidateLookups(
        account, criteria -> updated != null && criteria.matches(updated), found -> found == id);
    log.debug("'{}' evicted customer {} and its lookups", account.name(), id);
  }

  @Override
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  private <T> Mono<CachedRead<T>> read(CacheKey key, Supplier<Mono<T>> loader) {
    if (!enabled) {
      return Mono.defer(loader).map(CachedRead::miss);
    }
    return Mono.defer(
        () -> {
          AtomicBoolean loadStarted = new AtomicBoolean();
          CompletableFuture<Outcome> future =
              cache.get(
                  key,
                  (ignoredKey, executor) -> {
                    loadStarted.set(true);
                    return load(loader);
                  });
          boolean hit = !loadStarted.get() && future.isDone();
          // suppressCancel: one caller going away must not cancel the load others wait for.
          return Mono.fromFuture(future, true)
              .flatMap(outcome -> deliver(key, future, outcome, hit));
        });
  }

  private <T> CompletableFuture<Outcome> load(Supplier<Mono<T>> loader) {
    return Mono.defer(loader)
        .<Outcome>map(value -> new Loaded(value, ticker.read()))
        .onErrorResume(error -> Mono.just(new Failed(error)))
        .toFuture();
  }

  @SuppressWarnings("unchecked")
  private <T> Mono<CachedRead<T>> deliver(
      CacheKey key, CompletableFuture<Outcome> future, Outcome outcome, boolean hit) {
    if (outcome instanceof Failed failed) {
      cache.asMap().remove(key, future);
      return Mono.error(failed.error());
    }
    Loaded loaded = (Loaded) outcome;
    Duration age = hit ? Duration.ofNanos(ticker.read() - loaded.loadedAtNanos()) : Duration.ZERO;
    return Mono.just(new CachedRead<>((T) loaded.value(), hit, age));
  }

  /**
   * Removes the account's cached lookups whose criteria match or whose result contains a matching
   * id. Lookups still loading are removed too, since their result may predate the change.
   *
   * <p>NOTE: this scans every entry, which is linear in the cache size per write.
   */
  private void invalidateLookups(
      Account account, Predicate<LookupCriteria> criteriaMatch, Predicate<Long> containsId) {
    cache
        .asMap()
        .entrySet()
        .removeIf(
            entry ->
                entry.getKey() instanceof ByLookup lookup
                    && sameAccount(lookup, account)
                    && (criteriaMatch.test(lookup.criteria())
                        || !entry.getValue().isDone()
                        || resultContains(entry.getValue(), containsId)));
  }

  private static boolean resultContains(
      CompletableFuture<Outcome> future, Predicate<Long> containsId) {
    if (!(future.getNow(null) instanceof Loaded loaded)) {
      return false;
    }
    for (Object customer : (List<?>) loaded.value()) {
      Long id = ((Customer) customer).getId();
      if (id != null && containsId.test(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameAccount(CacheKey key, Account account) {
    return key.scope().account().equals(account.name()) && key.scope().region() == account.region();
  }

  /**
   * Expires an entry a fixed time after its value was fetched. Caffeine's own write time of an
   * async entry is taken when the future's callbacks run, which can be after the caller already
   * received the value, so the age reported in {@code Age} and the expiry could disagree.
   */
  private record LoadTimeExpiry(Duration ttl) implements Expiry<CacheKey, Outcome> {

    @Override
    public long expireAfterCreate(CacheKey key, Outcome outcome, long currentTime) {
      if (!(outcome instanceof Loaded loaded)) {
        return 0;
      }
      return Math.max(0, ttl.toNanos() - (currentTime - loaded.loadedAtNanos()));
    }

    @Override
    public long expireAfterUpdate(
        CacheKey key, Outcome outcome, long currentTime, long currentDuration) {
      return expireAfterCreate(key, outcome, currentTime);
    }

    @Override
    public long expireAfterRead(
        CacheKey key, Outcome outcome, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  /** Result of a load as stored in the cache. */
  private sealed interface Outcome permits Loaded, Failed {}

  private record Loaded(Object value, long loadedAtNanos) implements Outcome {}

  private record Failed(Throwable error) implements Outcome {}
}
