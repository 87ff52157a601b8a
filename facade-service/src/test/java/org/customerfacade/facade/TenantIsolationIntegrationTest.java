package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Checks that a consumer never gets data of an account it may not use, above all from the cache.
 * Consumer {@code tester} may use us-demo and caches its customer 1001 there. Consumer {@code
 * router} may use eu-demo only (and may choose the region), and requests the same id in every way a
 * caller could try: plainly, with another account's name, with the region of that account, with a
 * second account header and through the lookup by email.
 */
class TenantIsolationIntegrationTest extends FacadeIntegrationTest {

  private static final String US_EMAIL = "us.only@example.com";
  private static final String US_CUSTOMER =
      "{\"id\":1001,\"first_name\":\"Usha\",\"email\":\"" + US_EMAIL + "\"}";
  private static final String EU_CUSTOMER =
      "{\"id\":1001,\"first_name\":\"Eero\",\"email\":\"eu.only@example.com\"}";

  @BeforeEach
  void cacheUsCustomer() {
    us.stubFor(
        get(urlEqualTo("/customer/1001"))
            .withHeader("Authorization", containing(US_KEY))
            .willReturn(okJson(US_CUSTOMER)));
    us.stubFor(
        get(urlPathEqualTo("/customer"))
            .withHeader("Authorization", containing(US_KEY))
            .willReturn(okJson("[" + US_CUSTOMER + "]")));
    us.stubFor(
        get(urlPathEqualTo("/customer/1001"))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":404,\"detail\":\"Customer 1001 was not found.\"}")));
    euPrimary.stubFor(get(urlEqualTo("/customer/1001")).willReturn(okJson(EU_CUSTOMER)));

    readAs(CONSUMER, "/customer/1001").header("X-Account", "us-demo").exchange();
    readAs(CONSUMER, "/customer?email=" + US_EMAIL).header("X-Account", "us-demo").exchange();
    us.resetRequests();
  }

  @Test
  void cachedCustomerIsNotServedToOtherAccount() {
    EntityExchangeResult<String> result = body(readAs(ROUTER, "/customer/1001"));

    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(result.getResponseBody()).contains("eu.only@example.com").doesNotContain(US_EMAIL);
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/1001")));
  }

  @Test
  void tenantIsolationHoldsWithFreshnessHeader() {
    EntityExchangeResult<String> result =
        body(readAs(ROUTER, "/customer/1001").header("Cache-Control", "max-age=600"));

    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(result.getResponseBody()).doesNotContain(US_EMAIL);
  }

  @Test
  void forgedAccountHeaderIs403() {
    EntityExchangeResult<String> result =
        body(readAs(ROUTER, "/customer/1001").header("X-Account", "us-demo"));

    assertThat(result.getStatus().value()).isEqualTo(403);
    assertThat(result.getResponseBody()).doesNotContain(US_EMAIL);
    assertNoUsRequest();
  }

  @Test
  void secondAccountHeaderIsNotServed() {
    EntityExchangeResult<String> result =
        body(readAs(ROUTER, "/customer/1001").header("X-Account", "eu-demo", "us-demo"));

    assertThat(result.getResponseBody()).doesNotContain(US_EMAIL);
    assertNoUsRequest();
  }

  /** The controller rejects the joined values, so the cache must not serve the first. */
  @Test
  void repeatedAccountHeaderIsRejectedWhenCached() {
    readAs(CONSUMER, "/customer/1001")
        .header("X-Account", "us-demo", "us-demo")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist("X-Cache");
  }

  @Test
  void otherRegionDoesNotReachCachedCustomer() {
    EntityExchangeResult<String> result =
        body(readAs(ROUTER, "/customer/1001").header("X-Region", "US"));

    assertThat(result.getResponseBody()).doesNotContain(US_EMAIL);
    assertThat(result.getStatus().value()).isNotEqualTo(200);
  }

  @Test
  void otherRegionWithCacheOnlyIs504() {
    EntityExchangeResult<String> result =
        body(
            readAs(ROUTER, "/customer/1001")
                .header("X-Region", "US")
                .header("Cache-Control", "only-if-cached"));

    assertThat(result.getStatus().value()).isEqualTo(504);
    assertThat(result.getResponseBody()).doesNotContain(US_EMAIL);
    assertNoUsRequest();
  }

  @Test
  void cachedLookupIsNotServedToOtherAccount() {
    euPrimary.stubFor(get(urlPathEqualTo("/customer")).willReturn(okJson("[]")));

    EntityExchangeResult<String> result = body(readAs(ROUTER, "/customer?email=" + US_EMAIL));

    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(result.getResponseBody()).isEqualTo("[]");
    assertNoUsRequest();
  }

  @Test
  void forgedConsumerHeaderDoesNotWidenAccess() {
    EntityExchangeResult<String> result =
        body(
            client
                .get()
                .uri("/customer/1001")
                .header("X-Consumer-Id", ROUTER, CONSUMER)
                .header("x-api-version", "2.0")
                .header("X-Account", "us-demo"));

    assertThat(result.getStatus().value()).isEqualTo(403);
    assertThat(result.getResponseBody()).doesNotContain(US_EMAIL);
  }

  @Test
  void allowedConsumerStillReadsFromCache() {
    EntityExchangeResult<String> result =
        body(readAs(CONSUMER, "/customer/1001").header("X-Account", "us-demo"));

    assertThat(result.getStatus().value()).isEqualTo(200);
    assertThat(result.getResponseHeaders().getFirst("X-Cache")).isEqualTo("HIT");
    assertThat(result.getResponseBody()).contains(US_EMAIL);
    assertNoUsRequest();
  }

  private WebTestClient.RequestHeadersSpec<?> readAs(String consumer, String path) {
    return client.get().uri(path).header("X-Consumer-Id", consumer).header("x-api-version", "2.0");
  }

  private static EntityExchangeResult<String> body(WebTestClient.RequestHeadersSpec<?> request) {
    return request.exchange().expectBody(String.class).returnResult();
  }

  private static void assertNoUsRequest() {
    assertThat(us.getAllServeEvents()).as("requests at the US endpoint").isEmpty();
  }
}
