package org.customerfacade.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class ManagementPortIntegrationTest extends GatewayIntegrationTestSupport {

  @LocalManagementPort private int managementPort;

  @LocalServerPort private int serverPort;

  @Test
  void healthIsUpOnManagementPort() {
    WebTestClient management =
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

    management
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
    WebTestClient management =
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

    management.get().uri("/actuator/env").exchange().expectStatus().isNotFound();

    assertThat(managementPort).isPositive();
  }
}
