package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.customerfacade.facade.upstream.EndpointProbes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Region routing: data residency, read-only failover regions, overrides, probes and failback. */
class RoutingIntegrationTest extends FacadeIntegrationTest {

  private static final String CUSTOMER = "{\"id\":9,\"first_name\":\"Noor\"}";

  @Autowired EndpointProbes probes;

  @Test
  void replicaReadFailsOverToFailoverRegion() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    us.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER)));

    read("/customer/9").header("X-Account", "eu-replica").exchange().expectStatus().isOk();

    us.verify(1, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void replicaWriteStaysInOwnRegion() {
    euPrimary.stubFor(put(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(put(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    us.stubFor(put(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER)));

    client
        .put()
        .uri("/customer/9")
        .header("X-Consumer-Id", CONSUMER)
        .header("X-Account", "eu-replica")
        .header("x-api-version", "2.0")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"city\":\"Ghent\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(502);

    us.verify(0, putRequestedFor(urlEqualTo("/customer/9")));
    euPrimary.verify(2, putRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void accountWithoutFailoverRegionStaysInRegion() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    us.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER)));

    read("/customer/9").exchange().expectStatus().isEqualTo(502);

    us.verify(0, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void regionOverrideRoutesAllowedConsumer() {
    us.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER)));

    client
        .get()
        .uri("/customer/9")
        .header("X-Consumer-Id", ROUTER)
        .header("X-Region", "us")
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isOk();

    us.verify(1, getRequestedFor(urlEqualTo("/customer/9")));
    euPrimary.verify(0, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void regionOverrideRejectedForOtherConsumers() {
    read("/customer/9")
        .header("X-Region", "us")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("X-Region");

    assertThat(us.getAllServeEvents()).isEmpty();
    assertThat(euPrimary.getAllServeEvents()).isEmpty();
  }

  @Test
  void unknownRegionIs400() {
    client
        .get()
        .uri("/customer/9")
        .header("X-Consumer-Id", ROUTER)
        .header("X-Region", "mars")
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("'mars'"));
  }

  @Test
  void failsBackToPrimaryWhenBreakerCloses() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serverError()));
    euSecondary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER)));
    readFresh(4);
    assertThat(breakers.circuitBreaker("eu-production-1").getState())
        .isEqualTo(CircuitBreaker.State.OPEN);
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER)));
    euSecondary.resetRequests();

    readFresh(3);
    assertThat(breakers.circuitBreaker("eu-production-1").getState())
        .isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(Duration.ofSeconds(31));
    readFresh(5);

    assertThat(breakers.circuitBreaker("eu-production-1").getState())
        .isEqualTo(CircuitBreaker.State.CLOSED);
    euSecondary.verify(3, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void probesOpenBreakerOfDeadEndpoint() {
    euPrimary.stubFor(get(urlPathEqualTo("/customer")).willReturn(serverError()));
    us.stubFor(get(urlPathEqualTo("/customer")).willReturn(aResponse().withStatus(404)));

    for (int i = 0; i < 4; i++) {
      probes.probeAll().block(Duration.ofSeconds(10));
    }

    assertThat(breakers.circuitBreaker("eu-production-1").getState())
        .isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breakers.circuitBreaker("us-production-1").getState())
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void probesCloseBreakerAfterRecovery() {
    breakers.circuitBreaker("eu-production-1").transitionToOpenState();
    euPrimary.stubFor(get(urlPathEqualTo("/customer")).willReturn(okJson("[]")));

    clock.advance(Duration.ofSeconds(31));
    probes.probeAll().block(Duration.ofSeconds(10));
    probes.probeAll().block(Duration.ofSeconds(10));

    assertThat(breakers.circuitBreaker("eu-production-1").getState())
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }

  private void readFresh(int times) {
    for (int i = 0; i < times; i++) {
      cache.invalidateAll();
      read("/customer/9").exchange().expectStatus().isOk();
    }
  }
}
