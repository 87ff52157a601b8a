package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The filter that serves fresh cache hits before the controller. It must send what the controller
 * sends, and pass every other request to the controller.
 */
class CachedCustomerFilterIntegrationTest extends FacadeIntegrationTest {

  private static final String CUSTOMER_7 =
      "{\"id\":7,\"first_name\":\"Grace\",\"email\":\"grace@example.com\",\"cf_tier\":\"gold\"}";

  @LocalManagementPort int managementPort;

  @Test
  void shortcutHitMatchesControllerHit() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    read("/customer/7").exchange().expectStatus().isOk();
    clock.advance(Duration.ofSeconds(5));

    EntityExchangeResult<byte[]> shortcut = readBytes(read("/customer/7"));
    // A Cache-Control header sends the read through the controller; max-age accepts the entry.
    EntityExchangeResult<byte[]> controller =
        readBytes(read("/customer/7").header(HttpHeaders.CACHE_CONTROL, "max-age=3600"));

    assertThat(shortcut.getStatus()).isEqualTo(HttpStatus.OK);
    assertThat(shortcut.getResponseHeaders().getFirst("X-Cache")).isEqualTo("HIT");
    assertThat(shortcut.getResponseHeaders().getFirst(HttpHeaders.AGE)).isEqualTo("5");
    assertThat(shortcut.getResponseHeaders().toSingleValueMap())
        .isEqualTo(controller.getResponseHeaders().toSingleValueMap());
    assertThat(shortcut.getResponseBody()).isEqualTo(controller.getResponseBody());
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void cachedReadStillRejectsXml() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    read("/customer/7").exchange().expectStatus().isOk();

    read("/customer/7")
        .header(HttpHeaders.ACCEPT, "application/xml")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
  }

  @Test
  void cachedReadStillChecksAccount() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    read("/customer/7").exchange().expectStatus().isOk();

    read("/customer/7")
        .header("X-Account", "sandbox-demo")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(403);
  }

  @Test
  void cachedReadStillChecksVersion() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    read("/customer/7").exchange().expectStatus().isOk();

    client
        .get()
        .uri("/customer/7")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "1.0")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void managementPortNeverServesCustomers() {
    euPrimary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER_7)));
    read("/customer/7").exchange().expectStatus().isOk();
    WebTestClient management =
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

    management
        .get()
        .uri("/customer/7")
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  private static EntityExchangeResult<byte[]> readBytes(WebTestClient.RequestHeadersSpec<?> read) {
    return read.exchange().expectBody().returnResult();
  }
}
