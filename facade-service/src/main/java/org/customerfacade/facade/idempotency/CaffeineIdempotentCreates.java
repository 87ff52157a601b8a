package org.customerfacade.facade.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.server.model.Customer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps idempotency keys in this replica's memory. The first request for a key stores a future
 * before it sends the create, so concurrent repeats find it and wait for the same result instead of
 * sending a second create.
 *
 * <p>The create runs detached from the first caller's subscription: a caller that disconnects must
 * not cancel a create that its repeats are waiting for. The upstream deadline still bounds it.
 */
class CaffeineIdempotentCreates implements IdempotentCreates {

  private static final Logger log = LoggerFactory.getLogger(CaffeineIdempotentCreates.class);

  private final Cache<String, Entry> entries;

  CaffeineIdempotentCreates(IdempotencyProperties properties, Ticker ticker) {
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(properties.getTtl())
            .maximumSize(properties.getMaximumSize())
            .ticker(ticker)
            .build();
  }

  @Override
  public Mono<Outcome> create(
      Account account, String key, Customer body, Supplier<Mono<Customer>> create) {
    return Mono.defer(
        () -> {
          String scopedKey = account.name() + "\n" + key;
          Entry fresh = new Entry(RequestFingerprint.of(body), new CompletableFuture<>());
          Entry existing = entries.asMap().putIfAbsent(scopedKey, fresh);

          if (existing == null) {
            start(scopedKey, fresh, create);
            return await(fresh, false);
          }
          if (!existing.fingerprint().equals(fresh.fingerprint())) {
            return Mono.error(FacadeProblem.idempotencyKeyReused(key, account.name()));
          }
          log.debug("Account '{}' repeated a create; returning the first result", account.name());
          return await(existing, true);
        });
  }

  private void start(String scopedKey, Entry entry, Supplier<Mono<Customer>> create) {
    create
        .get()
        .subscribe(
            entry.result()::complete,
            error -> fail(scopedKey, entry, error),
            () -> {
              if (!entry.result().isDone()) {
                fail(scopedKey, entry, new IllegalStateException("The create returned nothing"));
              }
            });
  }

  /** Forgets a failed create, so that the caller may send it again with the same key. */
  private void fail(String scopedKey, Entry entry, Throwable error) {
    entries.asMap().remove(scopedKey, entry);
    entry.result().completeExceptionally(error);
  }

  private static Mono<Outcome> await(Entry entry, boolean replayed) {
    // suppressCancel: one waiter that goes away must not cancel the result for the others.
    return Mono.fromFuture(entry.result(), true).map(customer -> new Outcome(customer, replayed));
  }

  /** A key's request fingerprint and the result of its create, complete or still running. */
  private record Entry(String fingerprint, CompletableFuture<Customer> result) {}
}
