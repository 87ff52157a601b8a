package org.customerfacade.gateway.headers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class RequestIdIntegrationTest extends GatewayIntegrationTestSupport {

  @Test
  void wellFormedIdIsKept() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    String requestId = "order-sync_2026.12.04-0001";

    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header("X-Request-Id", requestId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Request-Id", requestId);

    facade.verify(
        1,
        getRequestedFor(urlEqualTo("/customer/1")).withHeader("X-Request-Id", equalTo(requestId)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "semi;colon", "slash/inside"})
  void malformedIdIsReplacedByUuid(String malformed) {
    assertReplacedByUuid(malformed);
  }

  @Test
  void overlongIdIsReplacedByUuid() {
    assertReplacedByUuid("a".repeat(200));
  }

  @Test
  void missingIdIsGenerated() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

    String returned =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    assertThat(isCanonicalUuid(returned)).as("canonical UUID: %s", returned).isTrue();
    assertThat(receivedRequestIds()).containsExactly(returned);
  }

  @Test
  void facadeRequestIdIsOverwritten() {
    facade.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "other")));

    HttpHeaders headers =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .header("X-Request-Id", "mine")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders();

    assertThat(headers.get("X-Request-Id")).containsExactly("mine");
  }

  @Test
  void notFoundResponseCarriesRequestId() {
    client
        .get()
        .uri("/unknown")
        .header("X-Request-Id", "trace-404")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .valueEquals("X-Request-Id", "trace-404");
  }

  private void assertReplacedByUuid(String malformed) {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

    String returned =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .header("X-Request-Id", malformed)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

    assertThat(returned).isNotEqualTo(malformed);
    assertThat(isCanonicalUuid(returned)).as("canonical UUID: %s", returned).isTrue();
    assertThat(receivedRequestIds()).containsExactly(returned);
  }

  private static boolean isCanonicalUuid(String value) {
    try {
      return UUID.fromString(value).toString().equals(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private List<String> receivedRequestIds() {
    return facade.findAll(getRequestedFor(urlEqualTo("/customer/1"))).stream()
        .map(request -> request.getHeader("X-Request-Id"))
        .toList();
  }
}
