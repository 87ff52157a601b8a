package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.customerfacade.facade.idempotency.IdempotentCreates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

/** The facade with {@code facade.idempotency.redis-url} set, against a real Redis on loopback. */
class RedisIdempotencyIntegrationTest extends FacadeIntegrationTest {

  private static final RedisServer redis = startedRedis();
  private static final int REDIS_PORT = redis.ports().get(0);

  @Autowired IdempotentCreates idempotentCreates;

  @DynamicPropertySource
  static void redisProperties(DynamicPropertyRegistry registry) {
    registry.add("facade.idempotency.redis-url", () -> "redis://127.0.0.1:" + REDIS_PORT);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    redis.stop();
  }

  @Test
  void repeatIsServedFromRedis() {
    euPrimary.stubFor(
        post(urlEqualTo("/customer")).willReturn(okJson("{\"id\":51}").withStatus(201)));
    createRequest("eu-demo")
        .header("Idempotency-Key", "redis-1")
        .bodyValue("{\"first_name\":\"Ada\"}")
        .exchange()
        .expectStatus()
        .isCreated();

    createRequest("eu-demo")
        .header("Idempotency-Key", "redis-1")
        .bodyValue("{\"first_name\":\"Ada\"}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals("Idempotent-Replayed", "true")
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(51);

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
    assertThat(idempotentCreates.getClass().getSimpleName()).isEqualTo("RedisIdempotentCreates");
  }

  private static RedisServer startedRedis() {
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      socket.close();
      RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
      server.start();
      return server;
    } catch (IOException notStarted) {
      throw new UncheckedIOException(notStarted);
    }
  }
}
