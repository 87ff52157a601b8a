package org.customerfacade.standin.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import org.customerfacade.standin.support.StandinServerSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

class FaultIntegrationTest extends StandinServerSupport {

  @LocalServerPort private int adminPort;

  @Test
  void statusFaultRespondsBeforeAuthentication() {
    injectFault("eu-1", "{\"status\": 503}");

    rawClient("eu-1")
        .get()
        .uri("/customer/1001")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("eu-1"));
    customerApi("eu-2").get().uri("/customer/1001").exchange().expectStatus().isOk();
  }

  @Test
  void latencyFaultDelaysResponses() {
    injectFault("eu-1", "{\"latency_ms\": 600}");

    long started = System.nanoTime();
    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isOk();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void latencyAndStatusFaultDelaysThenFails() {
    injectFault("eu-1", "{\"latency_ms\": 300, \"status\": 500}");

    long started = System.nanoTime();
    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isEqualTo(500);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void hangFaultMakesClientTimeOut() {
    injectFault("eu-1", "{\"mode\": \"hang\"}");
    HttpClient impatient = HttpClient.create().responseTimeout(Duration.ofMillis(300));

    Mono<ResponseEntity<Void>> request = getCustomer(webClient("eu-1", impatient));

    StepVerifier.create(request)
        .expectErrorSatisfies(
            error -> assertThat(error).hasRootCauseInstanceOf(ReadTimeoutException.class))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void hangFaultReleasesRequestsWhenCleared() {
    injectFault("eu-1", "{\"mode\": \"hang\"}");
    Mono<Void> clearLater =
        Mono.delay(Duration.ofMillis(400))
            .then(
                adminClient()
                    .delete()
                    .uri("/admin/endpoints/eu-1/fault")
                    .retrieve()
                    .toBodilessEntity())
            .then();

    long started = System.nanoTime();
    Mono<HttpStatusCode> status =
        getCustomer(webClient("eu-1", HttpClient.create()))
            .map(ResponseEntity::getStatusCode)
            .zipWith(clearLater.thenReturn(true), (code, cleared) -> code);

    StepVerifier.create(status)
        .assertNext(code -> assertThat(code.value()).isEqualTo(200))
        .verifyComplete();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void downFaultRefusesConnectionsUntilCleared() {
    WebClient client = webClient("eu-1", HttpClient.create());
    StepVerifier.create(getCustomer(client))
        .assertNext(response -> assertThat(response.getStatusCode().value()).isEqualTo(200))
        .verifyComplete();

    injectFault("eu-1", "{\"mode\": \"down\"}");

    StepVerifier.create(getCustomer(client))
        .expectError(WebClientRequestException.class)
        .verify(Duration.ofSeconds(5));
    StepVerifier.create(getCustomer(webClient("eu-1", HttpClient.create())))
        .expectErrorSatisfies(
            error -> assertThat(error).hasRootCauseInstanceOf(ConnectException.class))
        .verify(Duration.ofSeconds(5));

    admin.delete().uri("/admin/endpoints/eu-1/fault").exchange().expectStatus().isOk();

    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isOk();
  }

  @Test
  void clearingFaultRestoresResponses() {
    injectFault("eu-1", "{\"status\": 500}");

    admin
        .delete()
        .uri("/admin/endpoints/eu-1/fault")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.fault")
        .doesNotExist();

    customerApi("eu-1").get().uri("/customer/1001").exchange().expectStatus().isOk();
  }

  private void injectFault(String endpointName, String body) {
    admin
        .put()
        .uri("/admin/endpoints/{name}/fault", endpointName)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private WebClient webClient(String endpointName, HttpClient httpClient) {
    return WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(httpClient))
        .baseUrl(baseUrl(endpointName))
        .defaultHeader("Authorization", apiKeyHeader("eu-test-key"))
        .defaultHeader("x-api-version", "2.0")
        .build();
  }

  private WebClient adminClient() {
    return WebClient.create("http://127.0.0.1:" + adminPort);
  }

  private static Mono<ResponseEntity<Void>> getCustomer(WebClient client) {
    return client.get().uri("/customer/1001").retrieve().toBodilessEntity();
  }
}
