package org.customerfacade.facade.cache;

import java.time.Duration;
import org.customerfacade.facade.cache.CacheKey.ById;
import org.customerfacade.server.model.Customer;
import reactor.core.publisher.Mono;

/**
 * Second cache level that every replica shares: customers by id, so that a replica that has just
 * started, or has just dropped an entry, reads what another replica fetched instead of calling the
 * provider. Lookups stay in each replica, because their invalidation needs every cached criteria.
 *
 * <p>Every method fails open: when the shared store is slow or down, reads miss and writes are
 * dropped, and the replica works from its own cache and the provider. No returned {@link Mono} ever
 * signals an error; those of writes complete once the write is done or dropped.
 */
interface SharedCustomers {

  /** No shared level: every read misses and every write is ignored. */
  SharedCustomers NONE =
      new SharedCustomers() {
        @Override
        public Mono<SharedCustomer> find(ById key) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> offer(ById key, Customer customer) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> store(ById key, Customer customer) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> forget(String account, long id) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> forgetAccount(String account) {
          return Mono.empty();
        }

        @Override
        public Mono<Void> forgetAll() {
          return Mono.empty();
        }
      };

  /** Returns the shared copy while it is fresh; empty when there is none, or it was forgotten. */
  Mono<SharedCustomer> find(ById key);

  /**
   * Shares a customer that a read fetched, unless the key already contains a copy or was forgotten:
   * a read that started before a write may finish after it, and must not replace the newer copy.
   */
  Mono<Void> offer(ById key, Customer customer);

  /** Shares the provider's response to a create or an update, replacing any copy. */
  Mono<Void> store(ById key, Customer customer);

  /** Hides the customer from every replica until a copy older than the change would expire. */
  Mono<Void> forget(String account, long id);

  /** Drops every shared customer of an account. */
  Mono<Void> forgetAccount(String account);

  /** Drops every shared customer. */
  Mono<Void> forgetAll();

  /** A shared copy and the time since a replica fetched it from the provider. */
  record SharedCustomer(Customer customer, Duration age) {}
}
