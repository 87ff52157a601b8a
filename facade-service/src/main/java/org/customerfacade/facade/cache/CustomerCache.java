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
 * <p>Concurrent misses for one key share a single load. A load that fails is not cached: each of
 * its waiting callers gets the error, and the next read tries again.
 */
public interface CustomerCache {

  /** Returns the customer from the cache, or loads it with {@code loader} and caches it. */
  Mono<CachedRead<Customer>> retrieve(
      Account account, String apiVersion, long id, Supplier<Mono<Customer>> loader);

  /** Returns a lookup result from the cache, or loads it with {@code loader} and caches it. */
  Mono<CachedRead<List<Customer>>> find(
      Account account,
      String apiVersion,
      LookupCriteria criteria,
      Supplier<Mono<List<Customer>>> loader);

  /** Drops cached lookups that the new customer would now match. */
  void onCreated(Account account, Customer created);

  /**
   * Drops the customer's entry and every cached lookup that contained it or that its new values
   * match.
   *
   * @param updated the customer after an update, or null after a delete
   */
  void onChanged(Account account, long id, @Nullable Customer updated);

  /** Drops every entry of every account. */
  void invalidateAll();
}
