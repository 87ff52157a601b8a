package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RequestHandlingIntegrationTest extends FacadeIntegrationTest {

  @Test
  void missingConsumerIs401() {
    client
        .get()
        .uri("/customer/1")
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void accountNotAllowedIs403() {
    read("/customer/1")
        .header("X-Account", "sandbox-demo")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("sandbox-demo", "eu-demo"))
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("X-Account");
  }

  @Test
  void missingVersionHeaderIs400() {
    client
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("x-api-version");
  }

  @Test
  void wrongVersionIs400() {
    client
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "1.0")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("x-api-version: 2.0"));
  }

  @Test
  void nonNumericIdIs400() {
    read("/customer/abc")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("id");
  }

  @Test
  void negativeIdIs400() {
    read("/customer/-4")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("id");
    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void invalidEmailIs400WithPointer() {
    create("{\"email\":\"not-an-email\"}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/email")
        .jsonPath("$.errors[0].detail")
        .value(detail -> assertThat((String) detail).contains("'not-an-email'"))
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("/email"));
    euPrimary.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void malformedJsonIs400() {
    create("{\"email\": ")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    euPrimary.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void findWithoutCriteriaIs400() {
    read("/customer").exchange().expectStatus().isBadRequest();
  }

  @Test
  void providerNotFoundPassesThrough() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/9"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":404,\"detail\":\"Customer 9 was not found.\"}")));

    read("/customer/9")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Customer 9 was not found.");
  }

  @Test
  void providerValidationErrorsPassThrough() {
    euPrimary.stubFor(
        post(urlEqualTo("/customer"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"status\":422,\"detail\":\"Policy 99 is not a policy of the account.\","
                            + "\"errors\":[{\"pointer\":\"/accept_policies/0\","
                            + "\"detail\":\"is not a policy id\"}]}")));

    create("{\"accept_policies\":[99]}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Policy 99 is not a policy of the account.")
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/accept_policies/0");
    euSecondary.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void providerRateLimitKeepsRetryAfter() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/3"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"Slow down.\"}")));

    read("/customer/3")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("Retry-After", "7")
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Slow down.");
  }

  @Test
  void malformedJsonNamesPosition() {
    create("{\"first_name\":")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("not valid JSON", "line 1"));
  }

  @Test
  void wrongFieldTypeNamesField() {
    create("{\"allow_email\":\"yes\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/allow_email")
        .jsonPath("$.errors[0].detail")
        .isEqualTo("must be a boolean");
  }

  @Test
  void invalidDateNamesField() {
    create("{\"date_of_birth\":\"1990-13-45\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/date_of_birth");
  }

  @Test
  void tooLongFieldUsesSpecName() {
    create("{\"first_name\":\"" + "x".repeat(300) + "\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/first_name");
  }

  @Test
  void blankIdIs400() {
    read("/customer/%20")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("positive integer"));
  }

  @Test
  void blankLookupCriterionIs400() {
    read("/customer?email=").exchange().expectStatus().isBadRequest();
    client
        .get()
        .uri(uri -> uri.path("/customer").queryParam("external_id", " ").build())
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isBadRequest();

    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void unknownPathIs404Problem() {
    read("/customer/1/extra")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).doesNotContain("static"));
  }

  @Test
  void providerRejectingApiKeyIs502() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/4"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":401,\"detail\":\"Invalid API key.\"}")));

    read("/customer/4")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("credential", "eu-demo"));
  }

  private WebTestClient.ResponseSpec create(String body) {
    return client
        .post()
        .uri("/customer")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
