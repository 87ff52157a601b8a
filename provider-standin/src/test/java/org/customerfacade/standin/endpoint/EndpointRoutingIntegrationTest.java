package org.customerfacade.standin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.customerfacade.standin.support.StandinServerSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class EndpointRoutingIntegrationTest extends StandinServerSupport {

  @Test
  void endpointsOfOneInstanceShareData() {
    long id = createCustomer("eu-1", "{\"first_name\": \"Shared\"}");

    customerApi("eu-2")
        .get()
        .uri("/customer/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.first_name")
        .isEqualTo("Shared");
  }

  @Test
  void instancesAreIsolated() {
    long euId = createCustomer("eu-1", "{\"first_name\": \"Europe\", \"external_id\": \"x-1\"}");

    customerApi("us-1").get().uri("/customer/{id}", euId).exchange().expectStatus().isNotFound();
    customerApi("us-1")
        .get()
        .uri("/customer?external_id=x-1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  @Test
  void sameExternalIdIsAllowedInAnotherInstance() {
    createCustomer("eu-1", "{\"external_id\": \"crm-shared\"}");

    long usId = createCustomer("us-1", "{\"external_id\": \"crm-shared\"}");

    assertThat(usId).isEqualTo(5002);
  }

  @Test
  void concurrentCreatesKeepExternalIdUnique() {
    WebClient euOne = webClient("eu-1");
    WebClient euTwo = webClient("eu-2");
    String body = "{\"external_id\": \"crm-race\"}";

    List<Integer> statuses =
        Flux.range(0, 24)
            .flatMap(
                attempt ->
                    (attempt % 2 == 0 ? euOne : euTwo)
                        .post()
                        .uri("/customer")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.toBodilessEntity())
                        .map(ResponseEntity::getStatusCode)
                        .map(status -> status.value()),
                24)
            .collectList()
            .block();

    assertThat(statuses).hasSize(24);
    assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(23);
  }

  @Test
  void customerApiIsNotServedOnAdminPort() {
    admin
        .get()
        .uri("/customer/1001")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void adminApiIsNotServedOnEndpointPort() {
    rawClient("eu-1")
        .get()
        .uri("/admin/endpoints")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    rawClient("eu-1").get().uri("/actuator/health").exchange().expectStatus().isNotFound();
  }

  @Test
  void healthIsServedOnAdminPort() {
    Map<String, Object> health =
        admin
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();

    assertThat(health).containsEntry("status", "UP");
  }

  private WebClient webClient(String endpointName) {
    return WebClient.builder()
        .baseUrl(baseUrl(endpointName))
        .defaultHeader("Authorization", apiKeyHeader("eu-test-key"))
        .defaultHeader("x-api-version", "2.0")
        .build();
  }
}
