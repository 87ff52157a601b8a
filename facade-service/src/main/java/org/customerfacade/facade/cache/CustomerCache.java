package org.customerfacade.facade.cache;

import java.util.List;
import java.util.function.Supplier;
import org.customerfacade.facade.account.Account;
import org.customerfacade.server.model.Customer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Read-through cache of customers and lookup results, scoped by account, region and API version.
 *
 * <p>Concurrent misses for one key share a single load. A provider 404 and an empty lookup result
 * are cached for the negative TTL. Another failed load is not cached: each of its waiting callers
 * gets the error, and the next read tries again, except that a read may be served from an entry
 * past its TTL when the provider fails with 502, 503 or 504 (stale-if-error). Writes store the
 * provider's answer (write-through) and evict every lookup the change may affect.
 */
public interface CustomerCache {

  /** Returns the customer from the cache, or loads it with {@code loader} and caches it. */
  Mono<CachedRead<Customer>> retrieve(
      Account account,
      String apiVersion,
      long id,
      CacheDirectives directives,
      Supplier<Mono<Customer>> loader);

  /**
   * Returns the customer when a fresh entry contains it and no provider call is needed, or null. A
   * result counts as a hit and may start a refresh ahead of expiry with {@code loader}, exactly as
   * {@link #retrieve} with no directives would. Callers use it to serve hits without the reactive
   * read pipeline, and fall back to {@link #retrieve} on null.
   */
  default @Nullable CachedRead<Customer> freshHit(
      Account account, String apiVersion, long id, Supplier<Mono<Customer>> loader) {
    return null;
  }

  /**
   * Returns whether {@link #freshHit} would return the customer now. Unlike it, this check counts
   * no read and starts no refresh.
   */
  default boolean hasFreshEntry(Account account, String apiVersion, long id) {
    return false;
  }

  /** Returns a lookup result from the cache, or loads it with {@code loader} and caches it. */
  Mono<CachedRead<List<Customer>>> find(
      Account account,
      String apiVersion,
      LookupCriteria criteria,
      CacheDirectives directives,
      Supplier<Mono<List<Customer>>> loader);

  /** Stores the new customer and drops cached lookups that it would now match. */
  void onCreated(Account account, String apiVersion, Customer created);

  /**
   * Drops the customer's entries and every cached lookup that contained it or that its new values
   * match, then stores the updated customer.
   *
   * @param updated the customer after an update, or null after a delete
   */
  void onChanged(Account account, String apiVersion, long id, @Nullable Customer updated);

  /**
   * Drops one customer of an account, in every API version, and the lookups that contained it.
   *
   * @return the number of entries dropped
   */
  long purgeCustomer(String account, long id);

  /**
   * Drops every entry of an account.
   *
   * @return the number of entries dropped
   */
  long purgeAccount(String account);

  /**
   * Drops every entry of every account.
   *
   * @return the number of entries dropped
   */
  long purgeAll();

  /** Drops every entry of every account. */
  default void invalidateAll() {
    purgeAll();
  }
}
