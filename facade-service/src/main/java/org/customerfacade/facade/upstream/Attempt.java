package org.customerfacade.facade.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.customerfacade.client.api.CustomersApi;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.observability.RequestRecord;
import org.customerfacade.facade.routing.UpstreamEndpoint;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** State of one request across its endpoints and passes. */
final class Attempt<T> {

  private final Account account;
  private final Operation operation;
  private final Function<CustomersApi, Mono<T>> request;
  private final List<UpstreamEndpoint> endpoints;
  private final @Nullable RequestRecord record;
  private final List<UpstreamFailure> failures = new ArrayList<>();
  private volatile int pass;
  private volatile int passStart;

  Attempt(
      Account account,
      Operation operation,
      Function<CustomersApi, Mono<T>> request,
      List<UpstreamEndpoint> endpoints,
      @Nullable RequestRecord record) {
    this.account = account;
    this.operation = operation;
    this.request = request;
    this.endpoints = endpoints;
    this.record = record;
  }

  Account account() {
    return account;
  }

  Operation operation() {
    return operation;
  }

  /** Returns the access-log record of the request, or null when the request is not logged. */
  @Nullable RequestRecord requestRecord() {
    return record;
  }

  String operationTag() {
    return operation.name().toLowerCase(Locale.ROOT);
  }

  String regionTag() {
    return account.region().name().toLowerCase(Locale.ROOT);
  }

  String environmentTag() {
    return account.environment().name().toLowerCase(Locale.ROOT);
  }

  Function<CustomersApi, Mono<T>> request() {
    return request;
  }

  List<UpstreamEndpoint> endpoints() {
    return endpoints;
  }

  int pass() {
    return pass;
  }

  synchronized void startPass(int number) {
    pass = number;
    passStart = failures.size();
  }

  synchronized void record(UpstreamFailure failure) {
    failures.add(failure);
  }

  /** Returns the failures of the current pass, in order. */
  synchronized List<UpstreamFailure> passFailures() {
    return List.copyOf(failures.subList(passStart, failures.size()));
  }

  synchronized @Nullable UpstreamFailure lastFailure() {
    return failures.isEmpty() ? null : failures.get(failures.size() - 1);
  }

  /** Returns the number of attempts that failed so far. */
  synchronized int attempts() {
    return failures.size();
  }
}
