package org.customerfacade.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class OperationAccessIntegrationTest extends GatewayIntegrationTestSupport {

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @Test
  void readOnlyConsumerCannotCreate() {
    client
        .post()
        .uri("/customer")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(403)
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail).contains("us-reporting", "create", "[retrieve, find]"));

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void readOnlyConsumerCannotUpdateOrDelete() {
    client
        .put()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .delete()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .exchange()
        .expectStatus()
        .isForbidden();

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void readOnlyConsumerCanReadAndFind() {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();
    client
        .get()
        .uri("/customer?email=a@example.com")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(facade.getAllServeEvents()).hasSize(2);
  }

  @Test
  void fullConsumerCanCreate() {
    client
        .post()
        .uri("/customer")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(facade.getAllServeEvents()).hasSize(1);
  }

  @Test
  void unsupportedMethodIs405() {
    client
        .method(HttpMethod.PATCH)
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .valueEquals("Allow", "GET, HEAD, PUT, DELETE")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void pathBelowCustomerIs404() {
    client
        .get()
        .uri("/customer/1/orders")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(facade.getAllServeEvents()).isEmpty();
  }
}
