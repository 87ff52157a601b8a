package org.customerfacade.gateway.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

class MetricsIntegrationTest extends GatewayIntegrationTestSupport {

  @LocalManagementPort int managementPort;

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
