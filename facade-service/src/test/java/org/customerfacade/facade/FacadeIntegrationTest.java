package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.customerfacade.facade.cache.CustomerCache;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shared set-up of the facade's integration tests: the facade on a random port in front of three
 * WireMock servers standing in for the provider (two EU endpoints, one US), with a clock that the
 * tests move by hand. The WireMock servers are shared by every subclass and stop with the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import({FacadeIntegrationTest.TestClock.class, GatewaySecretHeader.class})
abstract class FacadeIntegrationTest {

  static final String CONSUMER = "tester";

  static final String OPERATOR_TOKEN = "operator-test-token";
  static final String OPERATOR_TOKEN_SHA256 =
      "8ab817b57342c26ffe488f3496c34d72b47ac4140f5dbcf16e9cb38c3390a2ba";

  /** Consumer allowed to choose the region with {@code X-Region}. */
  static final String ROUTER = "router";

  static final String EU_KEY = "eu-test-key";
  static final String US_KEY = "us-test-key";

  static final WireMockServer euPrimary = started();
  static final WireMockServer euSecondary = started();
  static final WireMockServer us = started();

  private static final Set<Object> warmedContexts = ConcurrentHashMap.newKeySet();

  @Autowired WebTestClient client;
  @Autowired MutableClock clock;
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired CustomerCache cache;

  @DynamicPropertySource
  static void facadeProperties(DynamicPropertyRegistry registry) {
    registry.add("facade.routing.regions.eu.production[0]", euPrimary::baseUrl);
    registry.add("facade.routing.regions.eu.production[1]", euSecondary::baseUrl);
    registry.add("facade.routing.regions.eu.sandbox[0]", euPrimary::baseUrl);
    registry.add("facade.routing.regions.us.production[0]", us::baseUrl);
    registry.add("facade.accounts.eu-demo.api-key", () -> EU_KEY);
    registry.add("facade.accounts.us-demo.api-key", () -> US_KEY);
    registry.add("facade.consumers." + CONSUMER + ".accounts", () -> "eu-demo,us-demo,eu-replica");
    registry.add("facade.admin.token-sha256", () -> OPERATOR_TOKEN_SHA256);
    registry.add("facade.accounts.eu-replica.api-key", () -> EU_KEY);
    registry.add("facade.accounts.eu-replica.region", () -> "eu");
    registry.add("facade.accounts.eu-replica.failover-region", () -> "us");
    registry.add("facade.consumers." + ROUTER + ".accounts", () -> "eu-demo");
    registry.add("facade.consumers." + ROUTER + ".region-override", () -> "true");
    registry.add("facade.resilience.timeouts.retrieve", () -> "1s");
    registry.add("facade.resilience.timeouts.find", () -> "1s");
    registry.add("facade.resilience.timeouts.create", () -> "1s");
    registry.add("facade.resilience.timeouts.update", () -> "1s");
    registry.add("facade.resilience.circuit-breaker.minimum-number-of-calls", () -> "4");
    registry.add("facade.resilience.circuit-breaker.sliding-window-size", () -> "4");
    registry.add("facade.resilience.circuit-breaker.wait-duration-in-open-state", () -> "30s");
    registry.add("facade.resilience.retry.max-attempts", () -> "2");
    registry.add("facade.resilience.retry.initial-backoff", () -> "20ms");
    registry.add("facade.resilience.retry.max-backoff", () -> "100ms");
  }

  /**
   * Sends one read and one create through each new application context before its first test. On a
   * busy machine the first call of a fresh JVM spends more than the tests' 1-second time limits in
   * class loading and connection set-up, and its late request would reach the next test's stubs.
   */
  private void warmUpOnce() {
    if (!warmedContexts.add(breakers)) {
      return;
    }
    us.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":1}").withStatus(201)));
    WebTestClient patient = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    patient
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .header("X-Account", "us-demo")
        .header("x-api-version", "2.0")
        .exchange();
    createRequest(patient, "us-demo").bodyValue("{\"first_name\":\"Warm\"}").exchange();
  }

  @BeforeEach
  void resetState() {
    // The default of 5 s is too short for a first request on a loaded 2-core machine.
    client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    warmUpOnce();
    // Moves past every time-based state a previous test left: rate limits, retry budget windows.
    clock.advance(Duration.ofDays(1));
    euPrimary.resetAll();
    euSecondary.resetAll();
    us.resetAll();
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    cache.invalidateAll();
  }

  WebTestClient.RequestHeadersSpec<?> read(String path) {
    return client.get().uri(path).header("X-Consumer-Id", CONSUMER).header("x-api-version", "2.0");
  }

  /** Starts a create for {@code account} with the consumer and version headers set. */
  WebTestClient.RequestBodySpec createRequest(String account) {
    return createRequest(client, account);
  }

  private static WebTestClient.RequestBodySpec createRequest(WebTestClient client, String account) {
    return client
        .post()
        .uri("/customer")
        .header("X-Consumer-Id", CONSUMER)
        .header("X-Account", account)
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON);
  }

  private static WireMockServer started() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
    server.start();
    return server;
  }

  @TestConfiguration
  static class TestClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }
}
