package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Entries past their TTL: stale-if-error, and hot entries refreshed before they expire. */
class StaleCacheIntegrationTest extends FacadeIntegrationTest {

  private static final String OLD = "{\"id\":9,\"first_name\":\"Ada\",\"city\":\"London\"}";
  private static final String NEW = "{\"id\":9,\"first_name\":\"Ada\",\"city\":\"Paris\"}";

  @LocalServerPort int port;

  @Test
  void staleServedWhenRegionFails() {
    cacheThenFailRegion();

    clock.advance(Duration.ofSeconds(61));

    read("/customer/9")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "STALE")
        .expectHeader()
        .valueEquals("Age", "61")
        .expectHeader()
        .valueEquals(
            "Cache-Status", "facade; fwd=stale; fwd-status=502; ttl=-1; detail=stale-if-error")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("London");
    // One request per pass over the region: the tests allow two passes (retry.max-attempts).
    euSecondary.verify(2, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void staleServedWhileBreakersOpen() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(OLD)));
    read("/customer/9").exchange().expectStatus().isOk();
    breakers.circuitBreaker("eu-production-1").transitionToForcedOpenState();
    breakers.circuitBreaker("eu-production-2").transitionToForcedOpenState();

    clock.advance(Duration.ofSeconds(90));

    read("/customer/9")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "STALE")
        .expectHeader()
        .valueEquals(
            "Cache-Status", "facade; fwd=stale; fwd-status=503; ttl=-30; detail=stale-if-error");
  }

  @Test
  void staleNotServedPastMaxStale() {
    cacheThenFailRegion();

    clock.advance(Duration.ofSeconds(60 + 300 + 1));

    read("/customer/9")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void staleNotServedWithNoCache() {
    cacheThenFailRegion();
    clock.advance(Duration.ofSeconds(61));

    read("/customer/9")
        .header("Cache-Control", "no-cache")
        .exchange()
        .expectStatus()
        .isEqualTo(502);

    read("/customer/9").exchange().expectHeader().valueEquals("X-Cache", "STALE");
  }

  @Test
  void notFoundReplacesStaleEntry() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(OLD)));
    read("/customer/9").exchange().expectStatus().isOk();
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(notFound()));

    clock.advance(Duration.ofSeconds(61));

    read("/customer/9").exchange().expectStatus().isNotFound();
    read("/customer/9").exchange().expectStatus().isNotFound();
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void hotEntryRefreshedOnceBeforeExpiry() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(OLD)));
    read("/customer/9").exchange().expectStatus().isOk();
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(NEW)));
    clock.advance(Duration.ofSeconds(55));

    List<String> sources =
        Flux.range(0, 20)
            .flatMap(i -> concurrentRead("/customer/9"), 20)
            .collectList()
            .block(Duration.ofSeconds(10));
    awaitRequests(euPrimary, getRequestedFor(urlEqualTo("/customer/9")), 2);
    assertThat(sources).hasSize(20).containsOnly("HIT");
    clock.advance(Duration.ofSeconds(10));

    read("/customer/9")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Paris");
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/9")));
  }

  @Test
  void coldEntryNotRefreshedAhead() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(OLD)));
    read("/customer/9").exchange().expectStatus().isOk();
    clock.advance(Duration.ofSeconds(55));

    read("/customer/9").exchange().expectHeader().valueEquals("X-Cache", "HIT");
    clock.advance(Duration.ofSeconds(10));

    read("/customer/9").exchange().expectHeader().valueEquals("X-Cache", "MISS");
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/9")));
  }

  private void cacheThenFailRegion() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(OLD)));
    read("/customer/9").exchange().expectStatus().isOk();
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/9")).willReturn(serviceUnavailable()));
  }

  private Mono<String> concurrentRead(String path) {
    return WebClient.create("http://127.0.0.1:" + port)
        .get()
        .uri(path)
        .header("X-Consumer-Id", CONSUMER)
        .header("x-api-version", "2.0")
        .header(GatewaySecretHeader.NAME, GatewaySecretHeader.DEMO_VALUE)
        .retrieve()
        .toBodilessEntity()
        .map(response -> String.valueOf(response.getHeaders().getFirst("X-Cache")));
  }

  /**
   * Waits until the server has received the given number of matching requests from the background
   * refresh. The deadline is generous because only the count is under test.
   */
  private static void awaitRequests(
      WireMockServer server, RequestPatternBuilder pattern, int count) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (server.countRequestsMatching(pattern.build()).getCount() < count
        && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    assertThat(server.countRequestsMatching(pattern.build()).getCount()).isEqualTo(count);
  }
}
