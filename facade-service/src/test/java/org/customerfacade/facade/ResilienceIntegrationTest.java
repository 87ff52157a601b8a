package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ResilienceIntegrationTest extends FacadeIntegrationTest {

  private static final String CUSTOMER = "{\"id\":5,\"first_name\":\"Ada\"}";

  @Test
  void failsOverToSecondEndpointOn503() {
    euPrimary.stubFor(get(urlEqualTo("/customer/5")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER)));

    read("/customer/5").exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(5);

    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/5")));
    euSecondary.verify(1, getRequestedFor(urlEqualTo("/customer/5")));
  }

  @Test
  void breakerOpensOnServerErrorsAndSkipsEndpoint() {
    euPrimary.stubFor(get(urlEqualTo("/customer/5")).willReturn(serverError()));
    euSecondary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER)));

    for (int i = 0; i < 6; i++) {
      cache.invalidateAll();
      read("/customer/5").exchange().expectStatus().isOk();
    }

    assertThat(breaker("eu-production-1").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    euPrimary.verify(4, getRequestedFor(urlEqualTo("/customer/5")));
    euSecondary.verify(6, getRequestedFor(urlEqualTo("/customer/5")));
  }

  @Test
  void breakerOpensOnTimeouts() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER).withFixedDelay(2_500)));
    euSecondary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER)));

    for (int i = 0; i < 4; i++) {
      cache.invalidateAll();
      read("/customer/5").exchange().expectStatus().isOk();
    }

    assertThat(breaker("eu-production-1").getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void breakerClosesAfterRecovery() {
    euPrimary.stubFor(get(urlEqualTo("/customer/5")).willReturn(serverError()));
    euSecondary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER)));
    for (int i = 0; i < 4; i++) {
      cache.invalidateAll();
      read("/customer/5").exchange().expectStatus().isOk();
    }
    assertThat(breaker("eu-production-1").getState()).isEqualTo(CircuitBreaker.State.OPEN);

    euPrimary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER)));
    clock.advance(Duration.ofSeconds(31));
    for (int i = 0; i < 2; i++) {
      cache.invalidateAll();
      read("/customer/5").exchange().expectStatus().isOk();
    }

    assertThat(breaker("eu-production-1").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void createIsNotRepeatedAfterServerError() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(serverError()));
    euSecondary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CUSTOMER).withStatus(201)));

    create("{\"first_name\":\"Ada\"}").expectStatus().isEqualTo(502);

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
    euSecondary.verify(0, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void createFailsOverWhenBreakerIsOpen() {
    breaker("eu-production-1").transitionToForcedOpenState();
    euSecondary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CUSTOMER).withStatus(201)));

    create("{\"first_name\":\"Ada\"}").expectStatus().isCreated();

    euPrimary.verify(0, postRequestedFor(urlEqualTo("/customer")));
    euSecondary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void timeoutOnEveryEndpointIs504() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER).withFixedDelay(2_500)));
    euSecondary.stubFor(
        get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER).withFixedDelay(2_500)));

    read("/customer/5")
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("eu-production-2", "1000 ms"));
  }

  @Test
  void allEndpointsOpenIs503WithRetryAfter() {
    breaker("eu-production-1").transitionToForcedOpenState();
    breaker("eu-production-2").transitionToForcedOpenState();

    read("/customer/5")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals("Retry-After", "30")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    euPrimary.verify(0, getRequestedFor(urlEqualTo("/customer/5")));
  }

  @Test
  void connectionResetOnEveryEndpointIs502() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/5"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    euSecondary.stubFor(get(urlEqualTo("/customer/5")).willReturn(serverError()));

    read("/customer/5")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("eu-production-2", "status 500"));
  }

  @Test
  void oversizedCreateResponseIsNotRetriedNorCounted() {
    String huge = "{\"id\":5,\"cf_nickname\":\"" + "n".repeat(3 * 1024 * 1024) + "\"}";
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(huge).withStatus(201)));

    create("{\"first_name\":\"Ada\"}")
        .expectStatus()
        .isEqualTo(502)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("read the customer before retrying"));

    euSecondary.verify(0, postRequestedFor(urlEqualTo("/customer")));
    assertThat(breaker("eu-production-1").getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void malformedJsonFromProviderFailsOverOnRead() {
    euPrimary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson("{\"id\": 5,")));
    euSecondary.stubFor(get(urlEqualTo("/customer/5")).willReturn(okJson(CUSTOMER)));

    read("/customer/5").exchange().expectStatus().isOk();

    assertThat(breaker("eu-production-1").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  @Test
  void openBreakerOnLastEndpointIs503() {
    euPrimary.stubFor(get(urlEqualTo("/customer/5")).willReturn(serverError()));
    breaker("eu-production-2").transitionToForcedOpenState();

    read("/customer/5")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists("Retry-After");
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(
      String body) {
    return client
        .post()
        .uri("/customer")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private CircuitBreaker breaker(String name) {
    return breakers.circuitBreaker(name);
  }
}
