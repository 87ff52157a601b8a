package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * Facade replicas that share invalidations and a second cache level through one Redis, started from
 * the binary that the embedded-redis artifact ships, on a random loopback port.
 */
class RedisReplicasIntegrationTest {

  private static final String OLD = "{\"id\":7,\"first_name\":\"Grace\",\"city\":\"Leeds\"}";
  private static final String NEW = "{\"id\":7,\"first_name\":\"Grace\",\"city\":\"York\"}";

  private static final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
  private static int redisPort;
  private static RedisServer redis;
  private static ConfigurableApplicationContext replicaA;
  private static ConfigurableApplicationContext replicaB;
  private static ConfigurableApplicationContext lateReplica;

  @BeforeAll
  static void startReplicas() throws IOException {
    provider.start();
    redisPort = freePort();
    redis = startRedis(redisPort);
    replicaA = startReplica();
    replicaB = startReplica();
  }

  @AfterAll
  static void stopReplicas() throws IOException {
    // Closing one context disposes Reactor Netty's shared resources, so no replica closes early.
    if (lateReplica != null) {
      lateReplica.close();
    }
    replicaA.close();
    replicaB.close();
    redis.stop();
    provider.stop();
  }

  @BeforeEach
  void cacheOldCopyOnReplicaB() {
    provider.resetAll();
    provider.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(OLD)));
    provider.stubFor(put(urlEqualTo("/customer/7")).willReturn(okJson(NEW)));
    read(replicaB).exchange().expectStatus().isOk();
    read(replicaB).exchange().expectHeader().valueEquals("X-Cache", "HIT");
    provider.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(NEW)));
  }

  @Test
  void updateOnOneReplicaEvictsOnOther() {
    update(replicaA);

    assertThat(awaitCity(replicaB, "York")).isEqualTo("York");
  }

  @Test
  void newReplicaReadsWhatAnotherFetched() {
    provider.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson("{\"id\":8}")));
    client(replicaA)
        .get()
        .uri("/customer/8")
        .header("X-Consumer-Id", "tester")
        .header("x-api-version", "2.0")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");
    awaitSharedKey("facade:cache:customer:eu-demo:eu:2.0:8");

    lateReplica = startReplica();
    client(lateReplica)
        .get()
        .uri("/customer/8")
        .header("X-Consumer-Id", "tester")
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectHeader()
        .value("Cache-Status", status -> assertThat(status).contains("detail=shared"));

    provider.verify(1, getRequestedFor(urlEqualTo("/customer/8")));
  }

  @Test
  void replicaThatOnlyReadsDropsEntriesAfterOutage() throws IOException {
    redis.stop();
    update(replicaA);

    redis = startRedis(redisPort);

    assertThat(awaitCity(replicaB, "York")).isEqualTo("York");
  }

  @Test
  void replicasKeepServingWhileRedisIsDown() throws IOException {
    redis.stop();

    update(replicaA);
    read(replicaA)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("York");
    read(replicaB).exchange().expectStatus().isOk().expectHeader().valueEquals("X-Cache", "HIT");

    redis = startRedis(redisPort);
    provider.stubFor(put(urlEqualTo("/customer/7")).willReturn(okJson(NEW)));
    assertThat(awaitCityAfterUpdates(replicaA, replicaB, "York")).isEqualTo("York");
  }

  /** Waits until a replica's write to the shared level has reached Redis. */
  private static void awaitSharedKey(String key) {
    LettuceConnectionFactory connections =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort));
    connections.afterPropertiesSet();
    connections.start();
    try {
      ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
      Instant deadline = Instant.now().plusSeconds(10);
      while (!Boolean.TRUE.equals(redis.hasKey(key).block(Duration.ofSeconds(5)))
          && Instant.now().isBefore(deadline)) {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
      assertThat(redis.hasKey(key).block(Duration.ofSeconds(5))).isTrue();
    } finally {
      connections.destroy();
    }
  }

  private static String awaitCity(ConfigurableApplicationContext replica, String expected) {
    return awaitCityAfterUpdates(null, replica, expected);
  }

  /**
   * Reads through a replica until the city matches or 20 seconds pass, updating through the writer
   * before each read when one is given. The deadline is generous because only the outcome is under
   * test; bench/invalidation-delay measures the delay.
   */
  private static String awaitCityAfterUpdates(
      ConfigurableApplicationContext writer,
      ConfigurableApplicationContext reader,
      String expected) {
    Instant deadline = Instant.now().plusSeconds(20);
    String city = null;
    while (!expected.equals(city) && Instant.now().isBefore(deadline)) {
      if (writer != null) {
        update(writer);
      }
      city = cityOf(reader);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    return city;
  }

  private static String cityOf(ConfigurableApplicationContext replica) {
    byte[] body =
        read(replica)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return new String(body).contains("\"York\"") ? "York" : "Leeds";
  }

  private static void update(ConfigurableApplicationContext replica) {
    client(replica)
        .put()
        .uri("/customer/7")
        .header("X-Consumer-Id", "tester")
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"city\":\"York\"}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static WebTestClient.RequestHeadersSpec<?> read(ConfigurableApplicationContext replica) {
    return client(replica)
        .get()
        .uri("/customer/7")
        .header("X-Consumer-Id", "tester")
        .header("x-api-version", "2.0");
  }

  private static WebTestClient client(ConfigurableApplicationContext replica) {
    String port = replica.getEnvironment().getProperty("local.server.port");
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultHeader(GatewaySecretHeader.NAME, GatewaySecretHeader.DEMO_VALUE)
        .build();
  }

  private static ConfigurableApplicationContext startReplica() {
    return startReplica(provider.baseUrl(), redisPort);
  }

  /**
   * Starts a facade replica on random loopback ports with Redis invalidations and the shared second
   * level on. The settings are command-line arguments, because those override application.yml and
   * default properties do not.
   */
  static ConfigurableApplicationContext startReplica(
      String providerUrl, int redisPort, String... moreArguments) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--facade.routing.regions.eu.production[0]=" + providerUrl,
                "--facade.accounts.eu-demo.api-key=eu-test-key",
                "--facade.consumers.tester.accounts=eu-demo",
                "--facade.cache.redis.enabled=true",
                "--facade.cache.redis.second-level=true",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort));
    arguments.addAll(List.of(moreArguments));
    return new SpringApplicationBuilder(FacadeApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  static RedisServer startRedis(int port) throws IOException {
    RedisServer server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
