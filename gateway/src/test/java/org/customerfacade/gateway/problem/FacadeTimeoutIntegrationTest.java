package org.customerfacade.gateway.problem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
    properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=300ms")
class FacadeTimeoutIntegrationTest extends GatewayIntegrationTestSupport {

  @Test
  void slowFacadeIsGatewayTimeout() {
    facade.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("{}")));

    String body =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .header("X-Request-Id", "trace-504")
            .exchange()
            .expectStatus()
            .isEqualTo(504)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Request-Id", "trace-504")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(body)
        .contains("\"status\":504")
        .contains("\"title\":\"Gateway Timeout\"")
        .contains("did not respond within 300 ms");
  }

  @Test
  void fastFacadeIsNotTimedOut() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));

    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(facade.getAllServeEvents()).hasSize(1);
  }
}
