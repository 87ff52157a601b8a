package org.customerfacade.facade.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
import org.customerfacade.facade.idempotency.IdempotentCreates.Outcome;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.server.model.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import redis.embedded.RedisServer;

/** Two replicas sharing one real Redis, started from the binary that embedded-redis ships. */
class RedisIdempotentCreatesTest {

  private static final Account ACCOUNT =
      new Account("eu-demo", "key", Region.EU, Environment.PRODUCTION, null);

  private static RedisServer server;
  private static LettuceConnectionFactory connections;
  private static RedisIdempotentCreates replicaA;
  private static RedisIdempotentCreates replicaB;

  private final AtomicInteger creates = new AtomicInteger();

  @BeforeAll
  static void startRedis() throws IOException {
    int port = freePort();
    server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
    server.start();
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
    connections.afterPropertiesSet();
    connections.start();
    IdempotencyProperties properties = new IdempotencyProperties();
    properties.setPendingWait(Duration.ofSeconds(5));
    replicaA = new RedisIdempotentCreates(new ReactiveStringRedisTemplate(connections), properties);
    replicaB = new RedisIdempotentCreates(new ReactiveStringRedisTemplate(connections), properties);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    connections.destroy();
    server.stop();
  }

  @Test
  void repeatOnOtherReplicaReturnsFirstResult() {
    Outcome first = replicaA.create(ACCOUNT, "r-1", body("Ada"), this::createdLater).block();

    Outcome repeat = replicaB.create(ACCOUNT, "r-1", body("Ada"), this::createdLater).block();

    assertThat(first.replayed()).isFalse();
    assertThat(repeat.replayed()).isTrue();
    assertThat(repeat.customer().getId()).isEqualTo(first.customer().getId());
    assertThat(creates).hasValue(1);
  }

  @Test
  void concurrentRepeatsOnBothReplicasCreateOnce() {
    List<Outcome> outcomes =
        Flux.range(0, 8)
            .flatMap(
                i ->
                    (i % 2 == 0 ? replicaA : replicaB)
                        .create(ACCOUNT, "r-2", body("Ada"), this::createdLater))
            .collectList()
            .block(Duration.ofSeconds(10));

    assertThat(outcomes).hasSize(8);
    assertThat(outcomes).filteredOn(outcome -> !outcome.replayed()).hasSize(1);
    assertThat(creates).hasValue(1);
  }

  @Test
  void differentBodyIsRejected() {
    replicaA.create(ACCOUNT, "r-3", body("Ada"), this::createdLater).block();

    StepVerifier.create(replicaB.create(ACCOUNT, "r-3", body("Grace"), this::createdLater))
        .expectErrorSatisfies(
            error -> assertThat(((FacadeProblem) error).status().value()).isEqualTo(422))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void failedCreateFreesKey() {
    StepVerifier.create(
            replicaA.create(
                ACCOUNT, "r-4", body("Ada"), () -> Mono.error(new IllegalStateException("down"))))
        .expectError(IllegalStateException.class)
        .verify(Duration.ofSeconds(5));

    Outcome retry = replicaB.create(ACCOUNT, "r-4", body("Ada"), this::createdLater).block();

    assertThat(retry.replayed()).isFalse();
    assertThat(creates).hasValue(1);
  }

  private Mono<Customer> createdLater() {
    return Mono.delay(Duration.ofMillis(200))
        .map(tick -> new Customer().id((long) 1000 + creates.incrementAndGet()));
  }

  private static Customer body(String firstName) {
    return new Customer().firstName(firstName);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
