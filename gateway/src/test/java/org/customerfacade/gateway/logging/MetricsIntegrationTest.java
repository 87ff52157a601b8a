package org.customerfacade.gateway.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@ExtendWith(OutputCaptureExtension.class)
class MetricsIntegrationTest extends GatewayIntegrationTestSupport {

  @LocalManagementPort int managementPort;

  @LocalServerPort int port;

  @Test
  void requestsAppearInPrometheus() {
    facade.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();
    client
        .post()
        .uri("/customer")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .exchange()
        .expectStatus()
        .isForbidden();

    String scrape = scrape();

    assertThat(scrape).contains("edge_requests_seconds_bucket{");
    assertThat(scrape)
        .containsPattern(
            "edge_requests_seconds_count\\{consumer=\"demo-app\",operation=\"retrieve\",status=\"200\"\\} [1-9]");
    assertThat(scrape)
        .containsPattern(
            "edge_requests_seconds_count\\{consumer=\"us-reporting\",operation=\"create\",status=\"403\"\\} [1-9]");
  }

  /** A caller that leaves before the response is logged and counted with status 499. */
  @Test
  void disconnectedCallerIsLogged(CapturedOutput output) throws IOException {
    facade.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(5_000)));

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      String request =
          "GET /customer/7 HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: leaves-early\r\n"
              + "Authorization: Bearer "
              + DEMO_APP_TOKEN
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !facade.findAll(getRequestedFor(urlEqualTo("/customer/7"))).isEmpty());
    }

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> output.getOut().contains("\"request_id\":\"leaves-early\""));
    String line =
        output
            .getOut()
            .lines()
            .filter(candidate -> candidate.contains("\"request_id\":\"leaves-early\""))
            .findFirst()
            .orElseThrow();
    assertThat(line).contains("\"status\":499");
    assertThat(line).contains("\"operation\":\"retrieve\"");
    assertThat(scrape())
        .containsPattern(
            "edge_requests_seconds_count\\{consumer=\"demo-app\",operation=\"retrieve\",status=\"499\"\\} [1-9]");
  }

  @Test
  void unknownPathsShareOneTag() {
    client
        .get()
        .uri("/random-path-123")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isNotFound();

    String scrape = scrape();

    assertThat(scrape).doesNotContain("random-path-123");
    assertThat(scrape).contains("operation=\"other\"");
  }

  private String scrape() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + managementPort)
        .build()
        .get()
        .uri("/actuator/prometheus")
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
