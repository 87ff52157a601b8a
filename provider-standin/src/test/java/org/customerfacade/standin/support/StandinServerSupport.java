package org.customerfacade.standin.support;

import java.time.Instant;
import java.util.Map;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.endpoint.EndpointRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the whole stand-in on free ports, with the test profile's keys and seeds and a clock that
 * tests control. Every test starts from the seed data, no faults and zeroed request counters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@Import(StandinServerSupport.TestClockConfiguration.class)
public abstract class StandinServerSupport {

  /** Instant of the test clock at the start of every test. */
  protected static final Instant START = Instant.parse("2026-03-14T09:26:53.589Z");

  /** {@link #START} as the API formats timestamps. */
  protected static final String START_TIMESTAMP = "2026-03-14T09:26:53";

  protected static final Map<String, String> KEYS =
      Map.of("eu", "eu-test-key", "us", "us-test-key", "sandbox", "sandbox-test-key");

  /** Body type for a JSON object. */
  protected static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  /** Client of the admin port. */
  @Autowired protected WebTestClient admin;

  @Autowired protected EndpointRegistry endpoints;

  @Autowired protected MutableClock clock;

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(START);
    }
  }

  @BeforeEach
  void restoreInitialState() {
    clock.set(START);
    for (Endpoint endpoint : endpoints.all()) {
      admin.delete().uri("/admin/endpoints/{name}/fault", endpoint.name()).exchange();
    }
    for (String instance : KEYS.keySet()) {
      admin
          .post()
          .uri("/admin/instances/{instance}/reset", instance)
          .exchange()
          .expectStatus()
          .isNoContent();
    }
  }

  /** Returns a client of an endpoint that sends its instance's key and version 2.0. */
  protected WebTestClient customerApi(String endpointName) {
    Endpoint endpoint = endpoints.find(endpointName).orElseThrow();
    return rawClient(endpointName)
        .mutate()
        .defaultHeader(
            HttpHeaders.AUTHORIZATION, apiKeyHeader(KEYS.get(endpoint.instance().name())))
        .defaultHeader("x-api-version", "2.0")
        .build();
  }

  /** Returns a client of an endpoint that sends no credentials and no version. */
  protected WebTestClient rawClient(String endpointName) {
    return WebTestClient.bindToServer().baseUrl(baseUrl(endpointName)).build();
  }

  protected String baseUrl(String endpointName) {
    return "http://127.0.0.1:" + endpoints.find(endpointName).orElseThrow().boundPort();
  }

  protected static String apiKeyHeader(String key) {
    return "ApiKey key=\"" + key + "\"";
  }

  /** Creates a customer through an endpoint and returns its id. */
  protected long createCustomer(String endpointName, String json) {
    Map<String, Object> created =
        customerApi(endpointName)
            .post()
            .uri("/customer")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();
    return ((Number) created.get("id")).longValue();
  }
}
