package org.customerfacade.facade.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.cache.CacheEntry.Failed;
import org.customerfacade.facade.cache.CacheEntry.NotFound;
import org.customerfacade.facade.cache.CacheEntry.Stored;
import org.customerfacade.facade.cache.CacheKey.ById;
import org.customerfacade.facade.cache.CacheKey.ByLookup;
import org.customerfacade.facade.cache.CacheKey.Scope;
import org.customerfacade.facade.cache.CachedRead.Source;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link CustomerCache} on a Caffeine {@link AsyncCache}.
 *
 * <p>The cache maps each key to a future, which is what makes concurrent misses share one load.
 * Loads never complete exceptionally: a failure is stored as a {@link Failed} entry and handed to
 * every waiting caller. Caffeine would otherwise log each failed load, and a provider 404 is an
 * ordinary response, not an incident.
 *
 * <p>An entry lives for its TTL plus the maximum staleness. Past its TTL, the first read swaps the
 * entry for a new load with a compare-and-set on the map, so one read calls the provider and the
 * others wait for it; if that call fails, the load completes with the old entry inside a {@link
 * Failed}, which readers may serve as stale. Hot entries are refreshed before their TTL ends by one
 * background load, guarded by a flag on the entry.
 *
 * <p>With a {@link SharedCustomers} level, a local miss of a customer by id first reads the shared
 * level, and customers that the provider returned are offered to it, so replicas fetch a customer
 * once between them. Writes replace the shared copy, deletes and purges hide it.
 */
@Component
class CaffeineCustomerCache implements CustomerCache {

  private static final Logger log = LoggerFactory.getLogger(CaffeineCustomerCache.class);

  private final boolean enabled;
  private final Ticker ticker;
  private final long ttlNanos;
  private final long negativeTtlNanos;
  private final long maxStaleNanos;
  private final long refreshAheadNanos;
  private final int hotEntryReads;
  private final EntryWeigher weigher = new EntryWeigher();
  private final AsyncCache<CacheKey, CacheEntry> cache;
  private final InvalidationPublisher publisher;
  private final SharedCustomers shared;
  private final CacheMetrics metrics;

  /**
   * Creates a cache without a shared level that sends its invalidations nowhere and keeps its
   * meters to itself.
   */
  CaffeineCustomerCache(CacheProperties properties, Ticker ticker) {
    this(properties, ticker, SharedCustomers.NONE);
  }

  /** Creates a cache over a shared level that sends its invalidations nowhere. */
  CaffeineCustomerCache(CacheProperties properties, Ticker ticker, SharedCustomers shared) {
    this(properties, ticker, invalidation -> {}, shared, new SimpleMeterRegistry());
  }

  @Autowired
  CaffeineCustomerCache(
      CacheProperties properties,
      Ticker ticker,
      ObjectProvider<InvalidationPublisher> publishers,
      ObjectProvider<SharedCustomers> sharedLevels,
      ObjectProvider<MeterRegistry> registries) {
    this(
        properties,
        ticker,
        invalidation -> publishers.ifAvailable(bus -> bus.publish(invalidation)),
        sharedLevels.getIfAvailable(() -> SharedCustomers.NONE),
        registries.getIfAvailable(SimpleMeterRegistry::new));
  }

  private CaffeineCustomerCache(
      CacheProperties properties,
      Ticker ticker,
      InvalidationPublisher publisher,
      SharedCustomers shared,
      MeterRegistry registry) {
    this.publisher = publisher;
    this.shared = shared;
    this.metrics = new CacheMetrics(registry);
    this.enabled = properties.isEnabled();
    this.ticker = ticker;
    this.ttlNanos = properties.getTtl().toNanos();
    this.negativeTtlNanos = properties.getNegativeTtl().toNanos();
    this.maxStaleNanos = properties.getMaxStale().toNanos();
    this.refreshAheadNanos = properties.getRefreshAhead().toNanos();
    this.hotEntryReads = properties.getHotEntryReads();
    this.cache =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfter(Expiry.<CacheKey, CacheEntry>writing((key, entry) -> lifetime(entry)))
            .maximumWeight(properties.getMaximumWeight().toBytes())
            .weigher((CacheKey key, CacheEntry entry) -> entry.weightBytes())
            .removalListener(
                (CacheKey key, CacheEntry entry, RemovalCause cause) ->
                    metrics.recordRemoval(key, cause))
            .buildAsync();
    metrics.gaugeWeight(this, CaffeineCustomerCache::currentWeightBytes);
  }

  @Override
  public Mono<CachedRead<Customer>> retrieve(
      Account account,
      String apiVersion,
      long id,
      CacheDirectives directives,
      Supplier<Mono<Customer>> loader) {
    return read(new ById(Scope.of(account, apiVersion), id), directives, loader);
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable CachedRead<Customer> freshHit(
      Account account, String apiVersion, long id, Supplier<Mono<Customer>> loader) {
    if (!enabled) {
      return null;
    }
    ById key = new ById(Scope.of(account, apiVersion), id);
    CompletableFuture<CacheEntry> current = cache.getIfPresent(key);
    Stored stored = fresh(current);
    if (stored == null) {
      return null;
    }

    refreshIfHot(key, current, stored, loader);
    metrics.recordRead(key, Source.HIT);
    return (CachedRead<Customer>) (CachedRead<?>) served(stored, Source.HIT);
  }

  @Override
  public boolean hasFreshEntry(Account account, String apiVersion, long id) {
    return enabled
        && fresh(cache.getIfPresent(new ById(Scope.of(account, apiVersion), id))) != null;
  }

  /** Returns the entry when it is stored and fresh; one left by a failed load or stale is not. */
  private @Nullable Stored fresh(@Nullable CompletableFuture<CacheEntry> current) {
    CacheEntry entry = current == null ? null : current.getNow(null);
    if (!(entry instanceof Stored stored) || age(stored).toNanos() >= freshness(stored)) {
      return null;
    }
    return stored;
  }

  @Override
  public Mono<CachedRead<List<Customer>>> find(
      Account account,
      String apiVersion,
      LookupCriteria criteria,
      CacheDirectives directives,
      Supplier<Mono<List<Customer>>> loader) {
    return read(new ByLookup(Scope.of(account, apiVersion), criteria), directives, loader);
  }

  // Shared-level writes go first: Redis runs commands of one connection in order, so another
  // replica that drops its copy on the invalidation finds the new shared copy, never the old one.

  @Override
  public void onCreated(Account account, String apiVersion, Customer created) {
    share(account, apiVersion, created);
    applyAndPublish(Invalidation.created(account.name(), created));
    store(account, apiVersion, created);
  }

  @Override
  public void onChanged(Account account, String apiVersion, long id, @Nullable Customer updated) {
    if (updated != null) {
      share(account, apiVersion, updated);
    } else if (enabled) {
      shared.forget(account.name(), id).subscribe();
    }
    applyAndPublish(Invalidation.changed(account.name(), id, updated));
    if (updated != null) {
      store(account, apiVersion, updated);
    }
  }

  @Override
  public long purgeCustomer(String account, long id) {
    shared.forget(account, id).subscribe();
    return applyAndPublish(Invalidation.customerPurged(account, id));
  }

  @Override
  public long purgeAccount(String account) {
    shared.forgetAccount(account).subscribe();
    return applyAndPublish(Invalidation.accountPurged(account));
  }

  @Override
  public long purgeAll() {
    shared.forgetAll().subscribe();
    return applyAndPublish(Invalidation.allPurged());
  }

  /**
   * Drops what an invalidation makes wrong: the customer's entries in every API version, and the
   * account's lookups that contained the customer, that its new values match, or that are still
   * loading. Replicas call this for invalidations that other replicas published.
   *
   * @return the number of entries dropped
   */
  long apply(Invalidation invalidation) {
    String account = invalidation.account();
    long id = invalidation.customerId();
    Customer values = invalidation.lookupValues();
    Predicate<LookupCriteria> matchesValues =
        criteria -> values != null && criteria.matches(values);
    long dropped =
        switch (invalidation.kind()) {
          case ALL_PURGED -> removeIf(key -> true);
          case ACCOUNT_PURGED -> removeIf(key -> key.scope().account().equals(account));
          case CREATED -> invalidateLookups(account, matchesValues, found -> false);
          case CHANGED, DELETED, CUSTOMER_PURGED ->
              removeCustomer(account, id)
                  + invalidateLookups(account, matchesValues, found -> found == id);
        };
    log.debug(
        "'{}' dropped {} entries for {} of customer {}", account, dropped, invalidation.kind(), id);
    return dropped;
  }

  /**
   * Drops every local entry and the shared level, without telling other replicas: after an outage
   * of the invalidation channel, any entry may be one whose invalidation was lost.
   *
   * @return the number of local entries dropped
   */
  long dropAfterOutage() {
    shared.forgetAll().subscribe();
    return apply(Invalidation.allPurged());
  }

  private long applyAndPublish(Invalidation invalidation) {
    long dropped = apply(invalidation);
    publisher.publish(invalidation);
    return dropped;
  }

  /** Returns the estimated bytes of all entries, as counted against the maximum weight. */
  long weightedSizeBytes() {
    cache.synchronous().cleanUp();
    return currentWeightBytes();
  }

  private long currentWeightBytes() {
    return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  private <T> Mono<CachedRead<T>> read(
      CacheKey key, CacheDirectives directives, Supplier<Mono<T>> loader) {
    return readWithoutMetrics(key, directives, loader)
        .doOnNext(read -> metrics.recordRead(key, read.source()));
  }

  private <T> Mono<CachedRead<T>> readWithoutMetrics(
      CacheKey key, CacheDirectives directives, Supplier<Mono<T>> loader) {
    if (!enabled || directives.noStore()) {
      if (directives.onlyIfCached()) {
        return Mono.error(FacadeProblem.notCached(describe(key)));
      }
      return Mono.defer(loader).map(CachedRead::bypassed);
    }
    return Mono.defer(() -> lookup(key, directives, loader));
  }

  private <T> Mono<CachedRead<T>> lookup(
      CacheKey key, CacheDirectives directives, Supplier<Mono<T>> loader) {
    CompletableFuture<CacheEntry> current = cache.getIfPresent(key);
    CacheEntry entry = current == null ? null : current.getNow(null);
    CacheEntry usable = entry instanceof Failed ? stored(entry) : entry;
    if (usable == null) {
      if (directives.onlyIfCached()) {
        return Mono.error(FacadeProblem.notCached(describe(key)));
      }
      return loadOrJoin(key, directives, loader);
    }

    Duration age = age(usable);
    boolean fresh = age.toNanos() < freshness(usable);
    if (fresh && directives.accepts(age)) {
      if (usable instanceof Stored stored) {
        refreshIfHot(key, current, stored, loader);
      }
      return deliver(key, current, usable, Source.HIT, directives);
    }
    if (directives.onlyIfCached()) {
      return Mono.error(FacadeProblem.notCached(describe(key)));
    }
    Source source = fresh ? Source.REVALIDATED : Source.REFRESHED;
    return replaceAndLoad(key, current, usable, source, directives, loader);
  }

  /** Joins the load in progress for the key, or starts one when there is none. */
  private <T> Mono<CachedRead<T>> loadOrJoin(
      CacheKey key, CacheDirectives directives, Supplier<Mono<T>> loader) {
    AtomicBoolean loadStarted = new AtomicBoolean();
    CompletableFuture<CacheEntry> future =
        cache.get(
            key,
            (ignoredKey, executor) -> {
              loadStarted.set(true);
              return loadThroughSharedLevel(key, loader);
            });
    Source source;
    if (loadStarted.get()) {
      source = Source.MISS;
    } else {
      source = future.isDone() ? Source.HIT : Source.COLLAPSED;
    }
    // suppressCancel: one caller going away must not cancel the load others wait for.
    return Mono.fromFuture(future, true)
        .flatMap(entry -> deliver(key, future, entry, source, directives));
  }

  /**
   * Swaps the current entry for a new load. When another read or a write changed the entry first,
   * the read starts over from what is stored now.
   */
  private <T> Mono<CachedRead<T>> replaceAndLoad(
      CacheKey key,
      CompletableFuture<CacheEntry> current,
      CacheEntry previous,
      Source source,
      CacheDirectives directives,
      Supplier<Mono<T>> loader) {
    CompletableFuture<CacheEntry> next = new CompletableFuture<>();
    if (!cache.asMap().replace(key, current, next)) {
      return lookup(key, directives, loader);
    }
    Stored fallback = previous instanceof Stored stored && !stored.negative() ? stored : null;
    load(key, loader, fallback).thenAccept(next::complete);
    return Mono.fromFuture(next, true)
        .flatMap(entry -> deliver(key, next, entry, source, directives));
  }

  /**
   * Refreshes an entry in the background when it has been read often and its TTL is about to end.
   * The entry's flag lets exactly one read start the refresh. Its result replaces the entry only if
   * nothing replaced or removed the entry in the meantime.
   */
  private <T> void refreshIfHot(
      CacheKey key,
      CompletableFuture<CacheEntry> current,
      Stored stored,
      Supplier<Mono<T>> loader) {
    int reads = stored.countRead();
    long freshForNanos = freshness(stored) - age(stored).toNanos();
    if (refreshAheadNanos == 0
        || reads < hotEntryReads
        || freshForNanos > refreshAheadNanos
        || !stored.startRefresh()) {
      return;
    }
    log.debug("Refreshing hot entry {} {}s before it expires", key, freshForNanos / 1_000_000_000L);
    load(key, loader, null)
        .thenAccept(
            entry -> {
              if (entry instanceof Failed failed) {
                log.debug("Refreshing {} failed; the entry is kept", key, failed.error());
              } else {
                cache.asMap().replace(key, current, CompletableFuture.completedFuture(entry));
              }
            });
  }

  /**
   * Takes a customer from the shared level when another replica stored a fresh copy, and otherwise
   * loads it from the provider. Lookups always come from the provider.
   */
  private <T> CompletableFuture<CacheEntry> loadThroughSharedLevel(
      CacheKey key, Supplier<Mono<T>> loader) {
    if (!(key instanceof ById byId)) {
      return load(key, loader, null);
    }
    return shared
        .find(byId)
        .onErrorResume(unexpected -> Mono.empty())
        .<CacheEntry>map(
            found ->
                new Stored(
                    found.customer(),
                    ticker.read() - found.age().toNanos(),
                    weigher.weigh(found.customer()),
                    true))
        .switchIfEmpty(Mono.defer(() -> Mono.fromFuture(load(key, loader, null))))
        .toFuture();
  }

  /** Loads from the provider and offers a loaded customer to the shared level. */
  private <T> CompletableFuture<CacheEntry> load(
      CacheKey key, Supplier<Mono<T>> loader, @Nullable Stored fallback) {
    return Mono.defer(loader)
        .<CacheEntry>map(value -> new Stored(value, ticker.read(), weigher.weigh(value)))
        .doOnNext(entry -> offerToSharedLevel(key, entry))
        .onErrorResume(error -> Mono.just(failure(error, fallback)))
        .toFuture();
  }

  private void offerToSharedLevel(CacheKey key, CacheEntry entry) {
    if (key instanceof ById byId
        && entry instanceof Stored stored
        && stored.value() instanceof Customer customer) {
      shared.offer(byId, customer).subscribe();
    }
  }

  private CacheEntry failure(Throwable error, @Nullable Stored fallback) {
    if (error instanceof FacadeProblem problem && problem.status().value() == 404) {
      return new NotFound(problem, ticker.read());
    }
    return new Failed(error, fallback);
  }

  @SuppressWarnings("unchecked")
  private <T> Mono<CachedRead<T>> deliver(
      CacheKey key,
      CompletableFuture<CacheEntry> future,
      CacheEntry entry,
      Source source,
      CacheDirectives directives) {
    if (entry instanceof Stored stored) {
      return Mono.just((CachedRead<T>) served(stored, source));
    }
    if (entry instanceof NotFound notFound) {
      return Mono.error(notFound.problem());
    }
    return deliverFailure(key, future, (Failed) entry, directives);
  }

  @SuppressWarnings("unchecked")
  private <T> Mono<CachedRead<T>> deliverFailure(
      CacheKey key,
      CompletableFuture<CacheEntry> future,
      Failed failed,
      CacheDirectives directives) {
    Stored previous = failed.previous();
    if (previous == null) {
      cache.asMap().remove(key, future);
      return Mono.error(failed.error());
    }
    int status = upstreamStatus(failed.error());
    Duration age = age(previous);
    boolean withinMaxStale = age.toNanos() <= ttlNanos + maxStaleNanos;
    if (!isUpstreamFailure(status) || !withinMaxStale || !directives.allowsStale()) {
      return Mono.error(failed.error());
    }
    log.debug(
        "Serving {} stale, {}s old, after the provider failed with {}",
        key,
        age.toSeconds(),
        status);
    Duration freshFor = Duration.ofNanos(freshness(previous)).minus(age);
    return Mono.just(
        (CachedRead<T>) new CachedRead<>(previous.value(), Source.STALE, age, freshFor, status));
  }

  private CachedRead<Object> served(Stored stored, Source source) {
    if (stored.shared() && (source == Source.MISS || source == Source.COLLAPSED)) {
      Duration age = age(stored);
      Duration freshFor = Duration.ofNanos(freshness(stored)).minus(age);
      return new CachedRead<>(stored.value(), Source.SHARED_HIT, age, freshFor, 0);
    }
    if (source != Source.HIT) {
      Duration ttl = Duration.ofNanos(freshness(stored));
      return new CachedRead<>(stored.value(), source, Duration.ZERO, ttl, 200);
    }
    Duration age = age(stored);
    Duration freshFor = Duration.ofNanos(freshness(stored)).minus(age);
    return new CachedRead<>(stored.value(), source, age, freshFor, 0);
  }

  private void store(Account account, String apiVersion, Customer customer) {
    if (!enabled || customer.getId() == null) {
      return;
    }
    ById key = new ById(Scope.of(account, apiVersion), customer.getId());
    Stored stored = new Stored(customer, ticker.read(), weigher.weigh(customer));
    cache.put(key, CompletableFuture.completedFuture(stored));
  }

  private void share(Account account, String apiVersion, Customer customer) {
    if (enabled && customer.getId() != null) {
      shared.store(new ById(Scope.of(account, apiVersion), customer.getId()), customer).subscribe();
    }
  }

  private long removeCustomer(String account, long id) {
    return removeIf(
        key ->
            key instanceof ById byId
                && byId.scope().account().equals(account)
                && byId.customerId() == id);
  }

  /**
   * Removes the account's cached lookups whose criteria match or whose result contains a matching
   * id. Lookups still loading are removed too, since their result may predate the change.
   *
   * <p>NOTE: this scans every entry, which is linear in the cache size per write.
   */
  private long invalidateLookups(
      String account, Predicate<LookupCriteria> criteriaMatch, Predicate<Long> containsId) {
    long[] removed = {0};
    cache
        .asMap()
        .entrySet()
        .removeIf(
            entry -> {
              boolean remove =
                  entry.getKey() instanceof ByLookup lookup
                      && lookup.scope().account().equals(account)
                      && (criteriaMatch.test(lookup.criteria())
                          || !entry.getValue().isDone()
                          || resultContains(entry.getValue(), containsId));
              removed[0] += remove ? 1 : 0;
              return remove;
            });
    return removed[0];
  }

  private long removeIf(Predicate<CacheKey> condition) {
    long[] removed = {0};
    cache
        .asMap()
        .keySet()
        .removeIf(
            key -> {
              boolean remove = condition.test(key);
              removed[0] += remove ? 1 : 0;
              return remove;
            });
    return removed[0];
  }

  private static boolean resultContains(
      CompletableFuture<CacheEntry> future, Predicate<Long> containsId) {
    Stored stored = stored(future.getNow(null));
    if (stored == null || !(stored.value() instanceof List<?> customers)) {
      return false;
    }
    for (Object customer : customers) {
      Long id = ((Customer) customer).getId();
      if (id != null && containsId.test(id)) {
        return true;
      }
    }
    return false;
  }

  /** Nanoseconds an entry is fresh after its load: the TTL, or the negative TTL. */
  private long freshness(CacheEntry entry) {
    if (entry instanceof NotFound) {
      return negativeTtlNanos;
    }
    Stored stored = stored(entry);
    if (stored == null) {
      return 0;
    }
    return stored.negative() ? negativeTtlNanos : ttlNanos;
  }

  /**
   * Time Caffeine keeps an entry after it was written: until its TTL ends, plus the maximum
   * staleness for a customer or a non-empty lookup result.
   */
  private Duration lifetime(CacheEntry entry) {
    if (entry instanceof NotFound notFound) {
      return remaining(notFound.loadedAtNanos() + negativeTtlNanos);
    }
    Stored stored = stored(entry);
    if (stored == null) {
      return Duration.ZERO;
    }
    long kept = stored.negative() ? negativeTtlNanos : ttlNanos + maxStaleNanos;
    return remaining(stored.loadedAtNanos() + kept);
  }

  private Duration remaining(long untilNanos) {
    return Duration.ofNanos(Math.max(0, untilNanos - ticker.read()));
  }

  private Duration age(CacheEntry entry) {
    long loadedAt =
        entry instanceof NotFound notFound
            ? notFound.loadedAtNanos()
            : ((Stored) entry).loadedAtNanos();
    return Duration.ofNanos(Math.max(0, ticker.read() - loadedAt));
  }

  /** Returns the stored value of an entry, or of the entry a failed load was meant to replace. */
  private static @Nullable Stored stored(@Nullable CacheEntry entry) {
    if (entry instanceof Failed failed) {
      return failed.previous();
    }
    return entry instanceof Stored stored ? stored : null;
  }

  private static int upstreamStatus(Throwable error) {
    return error instanceof FacadeProblem problem ? problem.status().value() : 500;
  }

  /**
   * Returns whether a status means the provider could not serve the read, rather than rejected it.
   */
  private static boolean isUpstreamFailure(int status) {
    return status == HttpStatus.BAD_GATEWAY.value()
        || status == HttpStatus.SERVICE_UNAVAILABLE.value()
        || status == HttpStatus.GATEWAY_TIMEOUT.value();
  }

  private static String describe(CacheKey key) {
    return key instanceof ById byId ? "customer " + byId.customerId() : "this lookup";
  }
}
