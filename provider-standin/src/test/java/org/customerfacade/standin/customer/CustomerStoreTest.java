package org.customerfacade.standin.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.customerfacade.server.model.CustomerUpdate;
import org.customerfacade.standin.problem.ProblemException;
import org.customerfacade.standin.support.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class CustomerStoreTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00.750Z"));

  private final CustomerStore store =
      new CustomerStore("eu", 1001, List.of(draft("seed-1")), clock);

  @Test
  void seedTakesFirstIds() {
    assertThat(store.find(1001)).map(stored -> stored.details().externalId()).contains("seed-1");
  }

  @Test
  void createAssignsNextIdAndTruncatedTimestamps() {
    StepVerifier.create(store.create(draft("crm-1")))
        .assertNext(
            created -> {
              assertThat(created.id()).isEqualTo(1002);
              assertThat(created.created()).isEqualTo(LocalDateTime.of(2026, 5, 1, 8, 0, 0));
              assertThat(created.modified()).isEqualTo(created.created());
            })
        .verifyComplete();
  }

  @Test
  void createWithTakenExternalIdSignalsConflict() {
    StepVerifier.create(store.create(draft("seed-1")))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.getStatus().value()).isEqualTo(409)))
        .verify();
  }

  @Test
  void updateOfMissingCustomerSignalsNotFound() {
    CustomerChange change = new CustomerChange(new CustomerUpdate(), Map.of(), Set.of());

    StepVerifier.create(store.update(4242, change))
        .expectErrorSatisfies(
            error -> assertThat(((ProblemException) error).getStatus().value()).isEqualTo(404))
        .verify();
  }

  @Test
  void updateMovesModifiedTimestampOnly() {
    clock.advance(Duration.ofMinutes(5));
    CustomerChange change =
        new CustomerChange(new CustomerUpdate().city("Bristol"), Map.of(), Set.of());

    StepVerifier.create(store.update(1001, change))
        .assertNext(
            updated -> {
              assertThat(updated.details().city()).isEqualTo("Bristol");
              assertThat(updated.details().externalId()).isEqualTo("seed-1");
              assertThat(updated.created()).isEqualTo(LocalDateTime.of(2026, 5, 1, 8, 0, 0));
              assertThat(updated.modified()).isEqualTo(LocalDateTime.of(2026, 5, 1, 8, 5, 0));
            })
        .verifyComplete();
  }

  @Test
  void resetRestoresSeedAndSequence() {
    store.create(draft("crm-1")).block();
    store.delete(1001).block();

    store.reset();

    assertThat(store.find(1001)).isPresent();
    assertThat(store.find(1002)).isEmpty();
    StepVerifier.create(store.create(draft("crm-2")))
        .assertNext(created -> assertThat(created.id()).isEqualTo(1002))
        .verifyComplete();
  }

  @Test
  void parallelCreatesKeepExternalIdUnique() {
    List<String> outcomes =
        Flux.range(0, 50)
            .parallel(8)
            .runOn(Schedulers.parallel())
            .flatMap(
                attempt ->
                    store
                        .create(draft("crm-race"))
                        .map(created -> "created")
                        .onErrorResume(ProblemException.class, error -> Mono.just("conflict")))
            .sequential()
            .collectList()
            .block();

    assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("conflict"::equals).hasSize(49);
  }

  @Test
  void searchMatchesEmailIgnoringCase() {
    CustomerQuery query = new CustomerQuery("SEED-1@EXAMPLE.COM", null, null);

    assertThat(store.search(query)).extracting(CustomerRecord::id).containsExactly(1001L);
  }

  private static CustomerDraft draft(String externalId) {
    CustomerDetails details =
        new CustomerDetails(
            null,
            null,
            externalId + "@example.com",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            externalId,
            false,
            false,
            false,
            null,
            null,
            null);
    return new CustomerDraft(details, Map.of(), Set.of());
  }
}
