package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health of regions and endpoints, the operators' breaker endpoint, and the token that guards the
 * management port.
 */
class OperationsIntegrationTest extends FacadeIntegrationTest {

  @LocalManagementPort int managementPort;

  @Test
  void healthShowsEachRegionAndEndpoint() {
    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.regions.details['eu-production'].status")
        .isEqualTo("UP")
        .jsonPath(
            "$.components.regions.details['eu-production'].endpoints['eu-production-1'].breaker")
        .isEqualTo("CLOSED")
        .jsonPath(
            "$.components.regions.details['us-production'].endpoints['us-production-1'].baseUrl")
        .isEqualTo(us.baseUrl());
  }

  @Test
  void healthShowsRegionDownWhenAllOpen() {
    breakers.circuitBreaker("eu-production-1").transitionToForcedOpenState();
    breakers.circuitBreaker("eu-production-2").transitionToForcedOpenState();

    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.regions.details['eu-production'].status")
        .isEqualTo("DOWN")
        .jsonPath(
            "$.components.regions.details['eu-production'].endpoints['eu-production-2'].breaker")
        .isEqualTo("FORCED_OPEN")
        .jsonPath("$.components.regions.details['us-production'].status")
        .isEqualTo("UP");
  }

  @Test
  void breakersRequireToken() {
    management()
        .get()
        .uri("/actuator/breakers")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void breakersRejectWrongToken() {
    management()
        .get()
        .uri("/actuator/breakers")
        .header("Authorization", "Bearer not-the-token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void everyManagementEndpointButHealthRequiresToken() {
    management().get().uri("/actuator").exchange().expectStatus().isUnauthorized();
    management().get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
    management().delete().uri("/actuator/cache").exchange().expectStatus().isUnauthorized();

    operator().get().uri("/actuator/info").exchange().expectStatus().isOk();
    management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void breakersListEveryEndpoint() {
    operator()
        .get()
        .uri("/actuator/breakers")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.endpoint == 'eu-production-1')].state")
        .isEqualTo("CLOSED")
        .jsonPath("$[?(@.endpoint == 'us-production-1')].baseUrl")
        .isEqualTo(us.baseUrl());
  }

  @Test
  void operatorForcesEndpointOpenThenReleasesIt() {
    euSecondary.stubFor(get(urlEqualTo("/customer/3")).willReturn(okJson("{\"id\":3}")));

    changeState("eu-production-1", "forced_open")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("FORCED_OPEN");
    read("/customer/3").exchange().expectStatus().isOk();
    euPrimary.verify(0, getRequestedFor(urlEqualTo("/customer/3")));

    changeState("eu-production-1", "closed").expectStatus().isOk();
    euPrimary.stubFor(get(urlEqualTo("/customer/4")).willReturn(okJson("{\"id\":4}")));
    read("/customer/4").exchange().expectStatus().isOk();
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/4")));
  }

  @Test
  void operatorForcesEndpointClosed() {
    changeState("eu-production-1", "forced_closed").expectStatus().isOk();

    org.assertj.core.api.Assertions.assertThat(
            breakers.circuitBreaker("eu-production-1").getState())
        .isEqualTo(CircuitBreaker.State.DISABLED);
  }

  @Test
  void unknownEndpointIs404() {
    changeState("eu-production-9", "forced_open").expectStatus().isNotFound();
  }

  @Test
  void unknownStateIs400() {
    changeState("eu-production-1", "ajar").expectStatus().isBadRequest();
  }

  private WebTestClient.ResponseSpec changeState(String endpoint, String state) {
    return operator()
        .post()
        .uri("/actuator/breakers/" + endpoint)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("state", state))
        .exchange();
  }

  private WebTestClient operator() {
    return management().mutate().defaultHeader("Authorization", "Bearer " + OPERATOR_TOKEN).build();
  }

  private WebTestClient management() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
  }
}
