package org.customerfacade.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ManagementPortIntegrationTest extends GatewayIntegrationTestSupport {

  /** Every exposed management endpoint except health. */
  private static final List<String> GUARDED = List.of("/actuator", "/actuator/prometheus");

  @LocalManagementPort private int managementPort;

  @LocalServerPort private int serverPort;

  @Test
  void healthIsUpOnManagementPort() {
    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");

    assertThat(managementPort).isNotEqualTo(serverPort);
  }

  @Test
  void healthIsNotServedOnMainPort() {
    client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void otherEndpointsAreNotExposed() {
    management()
        .get()
        .uri("/actuator/env")
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .exchange()
        .expectStatus()
        .isNotFound();

    assertThat(managementPort).isPositive();
  }

  @Test
  void guardedEndpointsRejectMissingToken() {
    for (String path : GUARDED) {
      management()
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader()
          .valueEquals("WWW-Authenticate", "Bearer realm=\"gateway-admin\"")
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(401)
          .jsonPath("$.detail")
          .isEqualTo("Send 'Authorization: Bearer <token>' with the operators' token.");
    }
  }

  @Test
  void guardedEndpointsRejectWrongToken() {
    for (String path : GUARDED) {
      management()
          .get()
          .uri(path)
          .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void guardedEndpointsServeOperatorToken() {
    for (String path : GUARDED) {
      management()
          .get()
          .uri(path)
          .header("Authorization", "Bearer " + ADMIN_TOKEN)
          .exchange()
          .expectStatus()
          .isOk();
    }
  }

  private WebTestClient management() {
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
  }
}
