package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class CacheIntegrationTest extends FacadeIntegrationTest {

  @LocalServerPort int port;

  @Autowired MeterRegistry meters;

  private static final String CUSTOMER_7 =
      "{\"id\":7,\"first_name\":\"Grace\",\"email\":\"grace@example.com\",\"cf_tier\":\"gold\"}";

  @Test
  void secondReadIsHitWithAge() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));

    read("/customer/7")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");
    clock.advance(Duration.ofSeconds(12));

    read("/customer/7")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectHeader()
        .valueEquals("Age", "12")
        .expectBody()
        .jsonPath("$.first_name")
        .isEqualTo("Grace")
        .jsonPath("$.cf_tier")
        .isEqualTo("gold");
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void readsCountedByAccountAndResult() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    double hitsBefore = reads("hit");
    double missesBefore = reads("miss");
    double removalsBefore = explicitRemovals();

    read("/customer/7").exchange().expectStatus().isOk();
    read("/customer/7").exchange().expectStatus().isOk();
    read("/customer/7").exchange().expectStatus().isOk();
    double weight = meters.get("facade.cache.weight").gauge().value();
    cache.purgeCustomer("eu-demo", 7);

    assertThat(reads("hit") - hitsBefore).isEqualTo(2);
    assertThat(reads("miss") - missesBefore).isEqualTo(1);
    assertThat(weight).isPositive();
    // Caffeine reports removals on its executor, so the count may lag the purge.
    Instant deadline = Instant.now().plusSeconds(10);
    while (explicitRemovals() == removalsBefore && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    assertThat(explicitRemovals()).isGreaterThanOrEqualTo(removalsBefore + 1);
  }

  @Test
  void entryExpiresAfterTtl() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    read("/customer/7").exchange().expectStatus().isOk();

    clock.advance(Duration.ofSeconds(61));

    read("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void concurrentMissesMakeOneUpstreamCall() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7).withFixedDelay(300)));

    WebClient webClient = WebClient.create("http://127.0.0.1:" + port);

    List<Integer> statuses =
        Flux.range(0, 100)
            .flatMap(
                i ->
                    webClient
                        .get()
                        .uri("/customer/7")
                        .header("X-Consumer-Id", CONSUMER)
                        .header("x-api-version", "2.0")
                        .header(GatewaySecretHeader.NAME, GatewaySecretHeader.DEMO_VALUE)
                        .retrieve()
                        .toBodilessEntity()
                        .map(response -> response.getStatusCode().value()),
                100)
            .collectList()
            .block(Duration.ofSeconds(10));

    assertThat(statuses).hasSize(100).containsOnly(200);
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void updateStoresReturnedCustomer() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    euPrimary.stubFor(
        put(urlEqualTo("/customer/7"))
            .willReturn(okJson("{\"id\":7,\"first_name\":\"Grace\",\"city\":\"Bristol\"}")));
    read("/customer/7").exchange().expectStatus().isOk();

    client
        .put()
        .uri("/customer/7")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"city\":\"Bristol\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bristol");

    read("/customer/7")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bristol");
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void createStoresReturnedCustomer() {
    stubCreateOfCustomer8();

    createCustomer8();

    read("/customer/8")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectBody()
        .jsonPath("$.email")
        .isEqualTo("new@example.com");
    euPrimary.verify(0, getRequestedFor(urlEqualTo("/customer/8")));
  }

  @Test
  void deleteEvictsCustomerAndLookups() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    euPrimary.stubFor(
        get(urlPathEqualTo("/customer"))
            .withQueryParam("email", equalTo("grace@example.com"))
            .willReturn(okJson("[" + CUSTOMER_7 + "]")));
    euPrimary.stubFor(delete(urlEqualTo("/customer/7")).willReturn(aResponse().withStatus(204)));
    read("/customer/7").exchange().expectStatus().isOk();
    read("/customer?email=grace@example.com").exchange().expectStatus().isOk();

    client
        .delete()
        .uri("/customer/7")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isNoContent();

    read("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    read("/customer?email=grace@example.com")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");
  }

  @Test
  void createEvictsMatchingEmptyLookup() {
    euPrimary.stubFor(get(urlPathEqualTo("/customer")).willReturn(okJson("[]")));
    stubCreateOfCustomer8();
    read("/customer?email=New@Example.com")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");
    read("/customer?email=new@example.com").exchange().expectHeader().valueEquals("X-Cache", "HIT");

    createCustomer8();

    read("/customer?email=new@example.com")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");
  }

  @Test
  void accountsDoNotShareEntries() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    us.stubFor(
        get(urlEqualTo("/customer/7")).willReturn(okJson("{\"id\":7,\"first_name\":\"Lin\"}")));
    read("/customer/7").exchange().expectStatus().isOk();

    client
        .get()
        .uri("/customer/7")
        .header("X-Consumer-Id", CONSUMER)
        .header("X-Account", "us-demo")
        .header("x-api-version", "2.0")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS")
        .expectBody()
        .jsonPath("$.first_name")
        .isEqualTo("Lin");

    us.verify(
        1,
        getRequestedFor(urlEqualTo("/customer/7"))
            .withHeader("Authorization", equalTo("ApiKey key=\"" + US_KEY + "\"")));
  }

  @Test
  void notFoundIsCachedForNegativeTtl() {
    euPrimary.stubFor(
        get(urlEqualTo("/customer/404"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":404,\"detail\":\"Customer 404 was not found.\"}")));

    read("/customer/404").exchange().expectStatus().isNotFound();
    read("/customer/404").exchange().expectStatus().isNotFound();
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/404")));
    clock.advance(Duration.ofSeconds(6));
    read("/customer/404").exchange().expectStatus().isNotFound();

    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/404")));
  }

  @Test
  void emptyLookupExpiresAfterNegativeTtl() {
    euPrimary.stubFor(
        get(urlPathEqualTo("/customer"))
            .withQueryParam("email", equalTo("nobody@example.com"))
            .willReturn(okJson("[]")));
    euPrimary.stubFor(
        get(urlPathEqualTo("/customer"))
            .withQueryParam("email", equalTo("grace@example.com"))
            .willReturn(okJson("[" + CUSTOMER_7 + "]")));
    read("/customer?email=nobody@example.com").exchange().expectStatus().isOk();
    read("/customer?email=grace@example.com").exchange().expectStatus().isOk();
    read("/customer?email=nobody@example.com")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT");

    clock.advance(Duration.ofSeconds(6));

    read("/customer?email=nobody@example.com")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");
    read("/customer?email=grace@example.com")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT");
  }

  private double explicitRemovals() {
    return meters
        .counter("facade.cache.removals", "account", "eu-demo", "cause", "explicit")
        .count();
  }

  private double reads(String result) {
    return meters.counter("facade.cache.reads", "account", "eu-demo", "result", result).count();
  }

  private static void stubCreateOfCustomer8() {
    euPrimary.stubFor(
        post(urlEqualTo("/customer"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":8,\"email\":\"new@example.com\"}")));
  }

  private void createCustomer8() {
    client
        .post()
        .uri("/customer")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"new@example.com\"}")
        .exchange()
        .expectStatus()
        .isCreated();
  }
}
