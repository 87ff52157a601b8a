package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The authenticated purge endpoint on the management port. */
class CachePurgeIntegrationTest extends FacadeIntegrationTest {

  @LocalManagementPort int managementPort;

  private WebTestClient management;

  @BeforeEach
  void cacheTwoAccounts() {
    management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson("{\"id\":7}")));
    euPrimary.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson("{\"id\":8}")));
    us.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson("{\"id\":7}")));
    read("/customer/7").exchange().expectStatus().isOk();
    read("/customer/8").exchange().expectStatus().isOk();
    readUs("/customer/7").exchange().expectStatus().isOk();
  }

  @Test
  void purgeWithoutTokenIs401() {
    management
        .delete()
        .uri("/actuator/cache")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer realm=\"facade-admin\"");

    read("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "HIT");
  }

  @Test
  void purgeWithWrongTokenIs401() {
    management
        .delete()
        .uri("/actuator/cache/eu-demo")
        .header("Authorization", "Bearer wrong-token")
        .exchange()
        .expectStatus()
        .isUnauthorized();

    read("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "HIT");
  }

  @Test
  void purgeCustomerDropsOnlyThatCustomer() {
    purge("/actuator/cache/eu-demo/7").expectBody().jsonPath("$.purged").isEqualTo(1);

    read("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    read("/customer/8").exchange().expectHeader().valueEquals("X-Cache", "HIT");
    readUs("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "HIT");
  }

  @Test
  void purgeAccountDropsOnlyThatAccount() {
    purge("/actuator/cache/eu-demo").expectBody().jsonPath("$.purged").isEqualTo(2);

    read("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    read("/customer/8").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    readUs("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "HIT");
  }

  @Test
  void purgeAllDropsEverything() {
    purge("/actuator/cache").expectBody().jsonPath("$.purged").isEqualTo(3);

    read("/customer/8").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    readUs("/customer/7").exchange().expectHeader().valueEquals("X-Cache", "MISS");
  }

  @Test
  void purgeOfUnknownAccountIs404() {
    management
        .delete()
        .uri("/actuator/cache/nowhere")
        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "Account 'nowhere' is not configured; use one of [eu-demo, eu-replica, sandbox-demo, us-demo].");
  }

  private WebTestClient.ResponseSpec purge(String path) {
    return management
        .delete()
        .uri(path)
        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private WebTestClient.RequestHeadersSpec<?> readUs(String path) {
    return read(path).header("X-Account", "us-demo");
  }
}
