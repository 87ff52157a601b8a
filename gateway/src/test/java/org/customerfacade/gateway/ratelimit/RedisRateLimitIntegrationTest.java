package org.customerfacade.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * Buckets in a real Redis 6.2, started on a random loopback port from the embedded-redis jar. A
 * request costs 60 tokens of a 120-token bucket that Redis refills at 1 token per second, so the
 * third request within a minute is rejected however slowly the test runs.
 */
class RedisRateLimitIntegrationTest extends GatewayIntegrationTestSupport {

  private static final int PORT = freePort();
  private static final RedisServer REDIS = start();

  @Autowired ReactiveStringRedisTemplate redisTemplate;

  @DynamicPropertySource
  static void redisProperties(DynamicPropertyRegistry registry) {
    registry.add("edge.rate-limit.store", () -> "redis");
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> PORT);
    registry.add("edge.rate-limit.consumers.us-reporting.replenish-rate", () -> 1);
    registry.add("edge.rate-limit.consumers.us-reporting.burst-capacity", () -> 120);
    registry.add("edge.rate-limit.consumers.us-reporting.requested-tokens", () -> 60);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    REDIS.stop();
  }

  @BeforeEach
  void resetBuckets() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    redisTemplate.execute(connection -> connection.serverCommands().flushAll()).blockLast();
  }

  @Test
  void thirdRequestIsRejected() {
    read().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "1");
    read().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "0");

    read()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After")
        .expectHeader()
        .valueEquals("RateLimit-Limit", "2");

    assertThat(facade.getAllServeEvents()).hasSize(2);
  }

  @Test
  void bucketLivesInRedis() {
    read().expectStatus().isOk();

    String tokens =
        redisTemplate.opsForValue().get("edge_rate_limit.{us-reporting}.tokens").block();
    assertThat(tokens).isEqualTo("60");
  }

  @Test
  void bucketIsSharedAcrossGateways() {
    // A second replica would run the same script against the same keys; take its tokens directly.
    redisTemplate.opsForValue().set("edge_rate_limit.{us-reporting}.tokens", "0").block();
    redisTemplate
        .opsForValue()
        .set("edge_rate_limit.{us-reporting}.timestamp", Long.toString(redisSeconds()))
        .block();

    read().expectStatus().isEqualTo(429);

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  private long redisSeconds() {
    return redisTemplate.execute(connection -> connection.serverCommands().time()).blockLast()
        / 1000;
  }

  private WebTestClient.ResponseSpec read() {
    return client
        .get()
        .uri("/customer/" + UUID.randomUUID().getMostSignificantBits() % 1000 + 1000)
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .exchange();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RedisServer start() {
    try {
      RedisServer server =
          RedisServer.newRedisServer()
              .port(PORT)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
