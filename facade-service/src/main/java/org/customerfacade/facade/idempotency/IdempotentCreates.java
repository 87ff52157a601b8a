package org.customerfacade.facade.idempotency;

import java.util.function.Supplier;
import org.customerfacade.facade.account.Account;
import org.customerfacade.server.model.Customer;
import reactor.core.publisher.Mono;

/**
 * Runs the create of an {@code Idempotency-Key} once per account and key while its successful
 * result is stored, and returns that result to every repeat.
 */
public interface IdempotentCreates {

  /** Name of the request header that carries the caller's key. */
  String HEADER = "Idempotency-Key";

  /** Name of the response header set to {@code true} when the result is a stored one. */
  String REPLAYED_HEADER = "Idempotent-Replayed";

  /**
   * Runs {@code create} unless the account already used {@code key}. A repeat with the same body
   * gets the stored customer, or waits for the first create when it is still running; a repeat with
   * another body gets a 422 {@link org.customerfacade.facade.problem.FacadeProblem}.
   *
   * <p>Only a successful create is stored. After a failure the key is free again, so the caller may
   * send the request once more.
   */
  Mono<Outcome> create(Account account, String key, Customer body, Supplier<Mono<Customer>> create);

  /** Result of {@link #create}: the customer and whether it came from an earlier request. */
  record Outcome(Customer customer, boolean replayed) {}
}
