package org.customerfacade.standin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.standin.support.StandinServerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class ApiAccessIntegrationTest extends StandinServerSupport {

  @Test
  void missingKeyIsUnauthorized() {
    rawClient("eu-1")
        .get()
        .uri("/customer/1001")
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "ApiKey")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("missing"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ApiKey key=\"wrong-key\"",
        "ApiKey key=\"us-test-key\"",
        "ApiKey key=\"sandbox-test-key\"",
        "Bearer eu-test-key",
        "ApiKey eu-test-key"
      })
  void wrongOrForeignKeyIsUnauthorized(String authorization) {
    rawClient("eu-1")
        .get()
        .uri("/customer/1001")
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "ApiKey")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void secondKeyOfInstanceIsAccepted() {
    rawClient("eu-2")
        .get()
        .uri("/customer/1001")
        .header(HttpHeaders.AUTHORIZATION, apiKeyHeader("eu-second-test-key"))
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void missingVersionIsBadRequest() {
    rawClient("eu-1")
        .get()
        .uri("/customer/1001")
        .header(HttpHeaders.AUTHORIZATION, apiKeyHeader("eu-test-key"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("x-api-version: 2.0"))
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("x-api-version");
  }

  @Test
  void wrongVersionIsBadRequest() {
    rawClient("eu-1")
        .delete()
        .uri("/customer/1001")
        .header(HttpHeaders.AUTHORIZATION, apiKeyHeader("eu-test-key"))
        .header("x-api-version", "1.0")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("'1.0'", "2.0"));

    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isOk();
  }

  @Test
  void keyIsCheckedBeforeVersion() {
    rawClient("eu-1").get().uri("/customer/1001").exchange().expectStatus().isUnauthorized();
  }
}
