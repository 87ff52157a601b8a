package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Retries, bulkheads and the provider's rate limits, against the single-endpoint US region. */
class RetryIntegrationTest extends FacadeIntegrationTest {

  private static final String CUSTOMER = "{\"id\":7,\"first_name\":\"Lin\"}";

  @Autowired BulkheadRegistry bulkheads;

  @Test
  void readRetriedAfter503() {
    us.stubFor(
        get(urlEqualTo("/customer/7"))
            .inScenario("recovering")
            .whenScenarioStateIs(STARTED)
            .willReturn(serviceUnavailable())
            .willSetStateTo("recovered"));
    us.stubFor(
        get(urlEqualTo("/customer/7"))
            .inScenario("recovering")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(CUSTOMER)));

    usRead("/customer/7").exchange().expectStatus().isOk();

    us.verify(2, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void readNotRetriedAfter500() {
    us.stubFor(get(urlEqualTo("/customer/7")).willReturn(serverError()));

    usRead("/customer/7").exchange().expectStatus().isEqualTo(502);

    us.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void readRetriedAtMostMaxAttempts() {
    us.stubFor(get(urlEqualTo("/customer/7")).willReturn(serviceUnavailable()));

    usRead("/customer/7").exchange().expectStatus().isEqualTo(502);

    us.verify(2, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void createNotRetriedAfter503() {
    us.stubFor(post(urlEqualTo("/customer")).willReturn(serviceUnavailable()));

    usCreate().expectStatus().isEqualTo(502);

    us.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void retryBudgetStopsRetries() {
    // Only the budget may stop the retries here, not an open breaker.
    breakers.circuitBreaker("us-production-1").transitionToDisabledState();
    us.stubFor(get(urlEqualTo("/customer/7")).willReturn(serviceUnavailable()));

    for (int i = 0; i < 10; i++) {
      usRead("/customer/7").exchange().expectStatus().isEqualTo(502);
    }

    // 10 requests allow the 3 retries always granted plus 20% of 10: 5 retries, 15 calls.
    us.verify(15, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void fullBulkheadSendsCallToNextEndpoint() {
    Bulkhead primary = bulkheads.bulkhead("eu-production-1");
    List<Boolean> permits = new ArrayList<>();
    while (primary.tryAcquirePermission()) {
      permits.add(true);
    }
    euSecondary.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER)));

    try {
      read("/customer/7").exchange().expectStatus().isOk();
    } finally {
      permits.forEach(permit -> primary.onComplete());
    }

    assertThat(permits).hasSize(50);
    euPrimary.verify(0, getRequestedFor(urlEqualTo("/customer/7")));
    euSecondary.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
    assertThat(breakers.circuitBreaker("eu-production-1").getMetrics().getNumberOfFailedCalls())
        .isZero();
  }

  @Test
  void rateLimitedAccountIsAnsweredLocally() {
    us.stubFor(
        get(urlEqualTo("/customer/7"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "5")
                    .withBody("{\"detail\":\"Too many requests.\"}")));
    usRead("/customer/7").exchange().expectStatus().isEqualTo(429);

    clock.advance(Duration.ofSeconds(2));
    usRead("/customer/7")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("Retry-After", "3")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("us-demo", "3 seconds"));

    us.verify(1, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void rateLimitEndsAfterRetryAfter() {
    us.stubFor(
        get(urlEqualTo("/customer/7"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
    usRead("/customer/7").exchange().expectStatus().isEqualTo(429);
    us.stubFor(get(urlEqualTo("/customer/7")).willReturn(okJson(CUSTOMER)));

    clock.advance(Duration.ofSeconds(5));

    usRead("/customer/7").exchange().expectStatus().isOk();
    us.verify(2, getRequestedFor(urlEqualTo("/customer/7")));
  }

  @Test
  void rateLimitDoesNotOpenBreaker() {
    us.stubFor(
        get(urlEqualTo("/customer/7"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

    for (int i = 0; i < 5; i++) {
      usRead("/customer/7").exchange().expectStatus().isEqualTo(429);
      clock.advance(Duration.ofSeconds(1));
    }

    us.verify(5, getRequestedFor(urlEqualTo("/customer/7")));
    assertThat(breakers.circuitBreaker("us-production-1").getMetrics().getNumberOfFailedCalls())
        .isZero();
  }

  private WebTestClient.RequestHeadersSpec<?> usRead(String path) {
    return read(path).header("X-Account", "us-demo");
  }

  private WebTestClient.ResponseSpec usCreate() {
    return createRequest("us-demo").bodyValue("{\"first_name\":\"Lin\"}").exchange();
  }
}
