package org.customerfacade.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class RoutingIntegrationTest extends GatewayIntegrationTestSupport {

  private static final String CUSTOMER_JSON =
      """
      {"id":1,"first_name":"Test","last_name":"Person","email":"test.person@example.com"}\
      """;

  private static final String NEW_CUSTOMER_JSON =
      """
      {"first_name":"Test","last_name":"Person","email":"test.person@example.com"}\
      """;

  private static final String PROBLEM_JSON =
      """
      {"type":"about:blank","title":"Not Found","status":404,"detail":"No customer 7."}\
      """;

  @Test
  void getByIdReturnsFacadeResponseUnchanged() {
    facade.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Cache", "HIT")
                    .withHeader("Age", "12")
                    .withBody(CUSTOMER_JSON)));

    byte[] body =
        client
            .get()
            .uri("/customer/1")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .header("x-api-version", "2.0")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectHeader()
            .valueEquals("X-Cache", "HIT")
            .expectHeader()
            .valueEquals("Age", "12")
            .expectBody()
            .returnResult()
            .getResponseBody();

    assertThat(new String(body)).isEqualTo(CUSTOMER_JSON);
    facade.verify(
        1, getRequestedFor(urlEqualTo("/customer/1")).withHeader("x-api-version", equalTo("2.0")));
  }

  @Test
  void findPassesQueryUnchanged() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));

    client
        .get()
        .uri("/customer?email={email}&external_id={externalId}", "a.b@example.com", "crm-1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    facade.verify(
        1,
        getRequestedFor(urlPathEqualTo("/customer"))
            .withQueryParam("email", equalTo("a.b@example.com"))
            .withQueryParam("external_id", equalTo("crm-1")));
  }

  @Test
  void postPassesBodyAndReturnsCreated() {
    facade.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Location", "/customer/1")
                    .withBody(CUSTOMER_JSON)));

    byte[] body =
        client
            .post()
            .uri("/customer")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(NEW_CUSTOMER_JSON)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("Location", "/customer/1")
            .expectBody()
            .returnResult()
            .getResponseBody();

    assertThat(new String(body)).isEqualTo(CUSTOMER_JSON);
    facade.verify(
        1,
        postRequestedFor(urlEqualTo("/customer"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson(NEW_CUSTOMER_JSON)));
  }

  @Test
  void putPassesBodyToSamePath() {
    String change = "{\"city\":\"Bristol\",\"allow_post\":true}";
    facade.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(CUSTOMER_JSON)));

    client
        .put()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(CUSTOMER_JSON);

    facade.verify(
        1, putRequestedFor(urlEqualTo("/customer/1")).withRequestBody(equalToJson(change)));
  }

  @Test
  void deleteReturnsNoContent() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

    client
        .delete()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isNoContent()
        .expectBody()
        .isEmpty();

    facade.verify(1, deleteRequestedFor(urlEqualTo("/customer/1")));
  }

  @Test
  void facadeProblemPassesThroughUnchanged() {
    facade.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(PROBLEM_JSON)));

    byte[] body =
        client
            .get()
            .uri("/customer/7")
            .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseBody();

    assertThat(new String(body)).isEqualTo(PROBLEM_JSON);
  }

  @Test
  void unknownPathIsProblemNotFound() {
    client
        .get()
        .uri("/customers/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(HttpStatus.NOT_FOUND.value())
        .jsonPath("$.title")
        .isEqualTo("Not Found")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("/customers/1"));

    assertThat(facade.getAllServeEvents()).isEmpty();
  }
}
