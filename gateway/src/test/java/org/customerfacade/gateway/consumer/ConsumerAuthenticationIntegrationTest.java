package org.customerfacade.gateway.consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class ConsumerAuthenticationIntegrationTest extends GatewayIntegrationTestSupport {

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
  }

  @Test
  void missingTokenIsUnauthorized() {
    WebTestClient.ResponseSpec response = client.get().uri("/customer/1").exchange();

    EntityExchangeResult<String> result = expectUnauthorized(response);

    assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"customer-api\"");
    assertThat(result.getResponseBody()).contains("Authorization: Bearer <token>");
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void unknownTokenIsUnauthorized() {
    String wrongToken = "not-a-registered-token";

    WebTestClient.ResponseSpec response =
        client.get().uri("/customer/1").header("Authorization", "Bearer " + wrongToken).exchange();

    EntityExchangeResult<String> result = expectUnauthorized(response);

    assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"customer-api\", error=\"invalid_token\"");
    assertThat(result.getResponseBody()).doesNotContain(wrongToken);
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void nonBearerSchemeIsUnauthorized() {
    WebTestClient.ResponseSpec response =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Basic " + DEMO_APP_TOKEN)
            .exchange();

    EntityExchangeResult<String> result = expectUnauthorized(response);

    assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"customer-api\"");
    assertThat(result.getResponseBody()).doesNotContain(DEMO_APP_TOKEN);
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void apiKeySchemeIsUnauthorized() {
    WebTestClient.ResponseSpec response =
        client
            .post()
            .uri("/customer")
            .header("Authorization", "ApiKey key=\"" + DEMO_APP_TOKEN + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange();

    expectUnauthorized(response);

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void malformedTokenIsUnauthorized() {
    WebTestClient.ResponseSpec response =
        client.get().uri("/customer/1").header("Authorization", "Bearer two words").exchange();

    EntityExchangeResult<String> result = expectUnauthorized(response);

    assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate"))
        .contains("error=\"invalid_token\"");
    assertThat(result.getResponseBody()).doesNotContain("two words");
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    client
        .get()
        .uri("/customer?email=x@example.com")
        .header("Authorization", "bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(facade.getAllServeEvents()).hasSize(1);
  }

  @Test
  void unauthorizedResponseCarriesRequestId() {
    client
        .get()
        .uri("/customer/1")
        .header("X-Request-Id", "trace-401")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("X-Request-Id", "trace-401");
  }

  private static EntityExchangeResult<String> expectUnauthorized(
      WebTestClient.ResponseSpec response) {
    EntityExchangeResult<String> result =
        response
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult();

    assertThat(result.getResponseBody())
        .contains("\"status\":401")
        .contains("\"title\":\"Unauthorized\"")
        .contains("\"type\":\"about:blank\"");
    return result;
  }
}
