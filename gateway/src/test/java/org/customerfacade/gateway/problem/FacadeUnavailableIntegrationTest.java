package org.customerfacade.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Aims the facade route at a loopback port on which nothing listens. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "management.server.port=0"})
@AutoConfigureWebTestClient
class FacadeUnavailableIntegrationTest {

  @Autowired private WebTestClient client;

  @DynamicPropertySource
  static void routeToClosedPort(DynamicPropertyRegistry registry) {
    registry.add("FACADE_URI", () -> "http://127.0.0.1:" + closedPort());
  }

  @Test
  void connectionRefusedIsBadGateway() {
    String body =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Bearer demo-app-local-token")
            .header("X-Request-Id", "trace-502")
            .exchange()
            .expectStatus()
            .isEqualTo(502)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Request-Id", "trace-502")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(body)
        .contains("\"status\":502")
        .contains("\"title\":\"Bad Gateway\"")
        .contains("facade service is unavailable");
  }

  /**
   * Returns a port that was free a moment ago. Another process could take it before the test runs,
   * which would make the test fail rather than pass wrongly.
   */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
