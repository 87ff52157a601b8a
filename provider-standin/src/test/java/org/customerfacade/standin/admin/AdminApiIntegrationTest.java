package org.customerfacade.standin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.support.StandinServerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class AdminApiIntegrationTest extends StandinServerSupport {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY =
      new ParameterizedTypeReference<>() {};

  @Test
  void listShowsBoundPortsAndInstances() {
    List<Map<String, Object>> listed = listEndpoints();

    assertThat(listed)
        .extracting(view -> view.get("name"))
        .containsExactly("eu-1", "eu-2", "us-1", "sandbox-1");
    assertThat(listed)
        .extracting(view -> view.get("instance"))
        .containsExactly("eu", "eu", "us", "sandbox");
    for (Map<String, Object> view : listed) {
      Endpoint endpoint = endpoints.find((String) view.get("name")).orElseThrow();
      assertThat(view.get("port")).isEqualTo(endpoint.boundPort());
      assertThat(endpoint.boundPort()).isPositive();
    }
  }

  @Test
  void requestCountersCountPerEndpoint() {
    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isOk();
    customerApi("eu-1").get().uri("/customer/4242").exchange().expectStatus().isNotFound();
    rawClient("eu-1").get().uri("/customer/1001").exchange().expectStatus().isUnauthorized();
    customerApi("eu-2").get().uri("/customer/1001").exchange().expectStatus().isOk();

    Map<String, Object> requests = requestsByEndpoint();

    assertThat(requests).containsEntry("eu-1", 3).containsEntry("eu-2", 1);
    assertThat(requests).containsEntry("us-1", 0);
  }

  @Test
  void resetRestoresSeedAndZeroesCounters() {
    long id = createCustomer("eu-1", "{\"first_name\": \"Temporary\"}");
    customerApi("eu-1").delete().uri("/customer/1001").exchange().expectStatus().isNoContent();

    admin.post().uri("/admin/instances/eu/reset").exchange().expectStatus().isNoContent();

    assertThat(requestsByEndpoint()).containsEntry("eu-1", 0);
    customerApi("eu-1").get().uri("/customer/{id}", id).exchange().expectStatus().isNotFound();
    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isOk();
    assertThat(createCustomer("eu-1", "{}")).isEqualTo(id);
  }

  @Test
  void faultIsListedUntilCleared() {
    admin
        .put()
        .uri("/admin/endpoints/us-1/fault")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"latency_ms\": 200, \"status\": 500}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.fault.latency_ms")
        .isEqualTo(200)
        .jsonPath("$.fault.status")
        .isEqualTo(500);

    Map<String, Object> listed = listEndpoints().get(2);

    assertThat(listed.get("fault")).isEqualTo(Map.of("latency_ms", 200, "status", 500));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"status\": 200}                     | /status",
        "{\"status\": 600}                     | /status",
        "{\"status\": \"busy\"}                | /status",
        "{\"latency_ms\": -1}                  | /latency_ms",
        "{\"latency_ms\": 60001}               | /latency_ms",
        "{\"mode\": \"explode\"}               | /mode",
        "{}                                    | /",
        "{\"mode\": \"hang\", \"status\": 503} | /"
      })
  void faultBodyIsValidated(String body, String pointer) {
    admin
        .put()
        .uri("/admin/endpoints/eu-1/fault")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo(pointer);

    assertThat(listEndpoints().get(0)).doesNotContainKey("fault");
  }

  @Test
  void malformedFaultBodyIsRejected() {
    admin
        .put()
        .uri("/admin/endpoints/eu-1/fault")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"status\": ")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void unknownEndpointIsNotFound() {
    admin
        .put()
        .uri("/admin/endpoints/mars-1/fault")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"status\": 503}")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("mars-1"));
    admin.delete().uri("/admin/endpoints/mars-1/fault").exchange().expectStatus().isNotFound();
  }

  @Test
  void unknownInstanceResetIsNotFound() {
    admin
        .post()
        .uri("/admin/instances/mars/reset")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private List<Map<String, Object>> listEndpoints() {
    return admin
        .get()
        .uri("/admin/endpoints")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JSON_ARRAY)
        .returnResult()
        .getResponseBody();
  }

  private Map<String, Object> requestsByEndpoint() {
    Map<String, Object> requests = new HashMap<>();
    listEndpoints().forEach(view -> requests.put((String) view.get("name"), view.get("requests")));
    return requests;
  }
}
