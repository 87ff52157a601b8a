package org.customerfacade.standin.customer;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.customerfacade.standin.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * In-memory customers of one instance.
 *
 * <p>Reads use the concurrent map without locking. Every write runs while synchronized on this
 * store, so the id sequence and the external_id uniqueness check cannot race with each other.
 * Writes only touch memory, so the lock is short and does not block an event loop for long.
 */
public final class CustomerStore {

  private final String instanceName;

  private final long idStart;

  private final List<CustomerDraft> seeds;

  private final Clock clock;

  private final Map<Long, CustomerRecord> customers = new ConcurrentHashMap<>();

  private long nextId;

  public CustomerStore(String instanceName, long idStart, List<CustomerDraft> seeds, Clock clock) {
    this.instanceName = instanceName;
    this.idStart = idStart;
    this.seeds = List.copyOf(seeds);
    this.clock = clock;
    reset();
  }

  /** Removes every customer, restarts the id sequence and stores the seed customers again. */
  public synchronized void reset() {
    customers.clear();
    nextId = idStart;
    seeds.forEach(this::insert);
  }

  public Optional<CustomerRecord> find(long id) {
    return Optional.ofNullable(customers.get(id));
  }

  /** Returns the customers matching the query, ordered by id. */
  public List<CustomerRecord> search(CustomerQuery query) {
    return customers.values().stream()
        .filter(query::matches)
        .sorted(Comparator.comparingLong(CustomerRecord::id))
        .toList();
  }

  /** Adds a customer, or signals 409 when another customer has the same external_id. */
  public synchronized Mono<CustomerRecord> create(CustomerDraft draft) {
    String externalId = draft.details().externalId();
    if (isExternalIdTaken(externalId, null)) {
      return Mono.error(duplicateExternalId(externalId));
    }
    return Mono.just(insert(draft));
  }

  /** Applies a change, or signals 404 when the customer is missing or 409 on a duplicate. */
  public synchronized Mono<CustomerRecord> update(long id, CustomerChange change) {
    CustomerRecord current = customers.get(id);
    if (current == null) {
      return Mono.error(notFound(id));
    }
    CustomerRecord changed = change.applyTo(current, now());

    String externalId = changed.details().externalId();
    if (isExternalIdTaken(externalId, id)) {
      return Mono.error(duplicateExternalId(externalId));
    }
    customers.put(id, changed);
    return Mono.just(changed);
  }

  /** Removes a customer, or signals 404 when it is missing. */
  public synchronized Mono<Void> delete(long id) {
    if (customers.remove(id) == null) {
      return Mono.error(notFound(id));
    }
    return Mono.empty();
  }

  /** Creates the problem for a customer id that this instance does not hold. */
  public ProblemException notFound(long id) {
    String detail =
        "Customer " + id + " was not found in instance '" + instanceName + "'; check the id.";
    return ProblemException.notFound(detail);
  }

  private CustomerRecord insert(CustomerDraft draft) {
    long id = nextId++;
    LocalDateTime now = now();
    CustomerRecord customer =
        new CustomerRecord(
            id,
            UUID.randomUUID(),
            now,
            now,
            draft.details(),
            draft.customFields(),
            draft.acceptedPolicyIds());
    customers.put(id, customer);
    return customer;
  }

  private boolean isExternalIdTaken(@Nullable String externalId, @Nullable Long exceptId) {
    if (externalId == null) {
      return false;
    }
    return customers.values().stream()
        .anyMatch(
            customer ->
                !Objects.equals(customer.id(), exceptId)
                    && externalId.equals(customer.details().externalId()));
  }

  private static ProblemException duplicateExternalId(@Nullable String externalId) {
    String detail =
        "Another customer already has external_id '"
            + externalId
            + "'; send a different external_id or update that customer.";
    return new ProblemException(HttpStatus.CONFLICT, detail);
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }
}
