package org.customerfacade.facade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.customerfacade.facade.trust.GatewaySecretFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class GatewayTrustIntegrationTest extends FacadeIntegrationTest {

  @LocalServerPort int port;

  @LocalManagementPort int managementPort;

  /** A client without the shared secret, like a caller that bypasses the gateway. */
  WebTestClient direct;

  @BeforeEach
  void directClient() {
    direct = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
  }

  @Test
  void spoofedConsumerWithoutSecretIs401() {
    direct
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("gateway secret"));

    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void wrongSecretIs401() {
    direct
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .header(GatewaySecretFilter.SECRET_HEADER, "a-guess-of-the-gateway-secret")
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"prefix", "extension", "empty", "other case"})
  void nearMissSecretIs401(String kind) {
    String secret = GatewaySecretHeader.DEMO_VALUE;
    String guess =
        switch (kind) {
          case "prefix" -> secret.substring(0, secret.length() - 1);
          case "extension" -> secret + "x";
          case "empty" -> "";
          default -> secret.toUpperCase(Locale.ROOT);
        };

    direct
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .header(GatewaySecretFilter.SECRET_HEADER, guess)
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void repeatedSecretHeaderIs401() {
    String secret = GatewaySecretHeader.DEMO_VALUE;

    direct
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .header(GatewaySecretFilter.SECRET_HEADER, secret, secret)
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void writeWithoutSecretIs401() {
    direct
        .post()
        .uri("/customer")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"someone@example.com\"}")
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void correctSecretIsServed() {
    read("/customer/1")
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isNotEqualTo(401));

    assertThat(euPrimary.getAllServeEvents()).isNotEmpty();
  }

  @Test
  void healthNeedsNoSecret() {
    WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + managementPort)
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(managementPort).isNotEqualTo(port);
  }
}
