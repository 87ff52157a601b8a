package org.customerfacade.facade.upstream;

import java.util.function.Function;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.facade.account.Account;
import reactor.core.publisher.Mono;

/**
 * Calls the provider for an account, guarded per endpoint by a circuit breaker and a time limit,
 * and failing over to the next endpoint of the account's region where that is safe.
 */
public interface Upstream {

  /**
   * Runs {@code request} against the account's endpoints until one responds.
   *
   * <p>Errors arrive as {@link org.customerfacade.facade.problem.FacadeProblem} signals: the
   * provider's 4xx unchanged, 504 when the last endpoint tried timed out, 503 when every endpoint
   * was unreachable or its breaker open, and 502 for other failures.
   */
  <T> Mono<T> call(Account account, Operation operation, Function<CustomersApi, Mono<T>> request);
}
