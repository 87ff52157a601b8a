package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The caller's Cache-Control request directives, each on its own and together. */
class CacheControlIntegrationTest extends FacadeIntegrationTest {

  private static final String OLD = "{\"id\":3,\"first_name\":\"Lin\",\"city\":\"Oslo\"}";
  private static final String NEW = "{\"id\":3,\"first_name\":\"Lin\",\"city\":\"Bergen\"}";

  @BeforeEach
  void cacheOldCopy() {
    euPrimary.stubFor(get(urlEqualTo("/customer/3")).willReturn(okJson(OLD)));
    read("/customer/3").exchange().expectStatus().isOk();
    euPrimary.stubFor(get(urlEqualTo("/customer/3")).willReturn(okJson(NEW)));
    clock.advance(Duration.ofSeconds(20));
  }

  @Test
  void noCacheFetchesAndStores() {
    read("/customer/3")
        .header("Cache-Control", "no-cache")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS")
        .expectHeader()
        .valueEquals("Cache-Status", "facade; fwd=request; fwd-status=200; stored")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bergen");

    read("/customer/3")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bergen");
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/3")));
  }

  @Test
  void noStoreNeitherReadsNorWrites() {
    read("/customer/3")
        .header("Cache-Control", "no-store")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bergen");

    read("/customer/3")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Oslo");
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/3")));
  }

  @Test
  void maxAgeRejectsOlderEntry() {
    read("/customer/3")
        .header("Cache-Control", "max-age=30")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT");

    read("/customer/3")
        .header("Cache-Control", "max-age=10")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS")
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bergen");
    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/3")));
  }

  @Test
  void onlyIfCachedWithoutEntryIs504() {
    read("/customer/4")
        .header("Cache-Control", "only-if-cached")
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                org.assertj.core.api.Assertions.assertThat((String) detail)
                    .contains("only-if-cached", "customer 4"));

    euPrimary.verify(0, getRequestedFor(urlEqualTo("/customer/4")));
  }

  @Test
  void onlyIfCachedServesEntry() {
    read("/customer/3")
        .header("Cache-Control", "only-if-cached")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Cache", "HIT");
  }

  @Test
  void severalDirectivesEachHonoured() {
    read("/customer/3")
        .header("Cache-Control", "max-age=10, only-if-cached")
        .exchange()
        .expectStatus()
        .isEqualTo(504);
    read("/customer/3")
        .header("Cache-Control", "ONLY-IF-CACHED, max-age=\"30\"")
        .exchange()
        .expectStatus()
        .isOk();
    read("/customer/3")
        .header("Cache-Control", "no-transform")
        .header("Cache-Control", "no-store, only-if-cached")
        .exchange()
        .expectStatus()
        .isEqualTo(504);
    euPrimary.verify(1, getRequestedFor(urlEqualTo("/customer/3")));

    read("/customer/3")
        .header("Cache-Control", "max-stale=5,no-cache")
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "MISS");

    euPrimary.verify(2, getRequestedFor(urlEqualTo("/customer/3")));
  }

  @Test
  void invalidMaxAgeIs400() {
    read("/customer/3")
        .header("Cache-Control", "max-age=soon")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("Cache-Control");
  }
}
