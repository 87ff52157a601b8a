package org.customerfacade.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.customerfacade.gateway.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Local buckets, where a request costs 60 tokens and 1 token is added per second. */
@TestPropertySource(
    properties = {
      "edge.rate-limit.consumers.us-reporting.replenish-rate=1",
      "edge.rate-limit.consumers.us-reporting.burst-capacity=120",
      "edge.rate-limit.consumers.us-reporting.requested-tokens=60"
    })
@Import(RateLimitIntegrationTest.TestClock.class)
class RateLimitIntegrationTest extends GatewayIntegrationTestSupport {

  @Autowired MutableClock clock;

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @Test
  void exhaustedConsumerGets429Problem() {
    clock.advance(Duration.ofMinutes(10));
    read(US_REPORTING_TOKEN)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("RateLimit-Remaining", "1");
    read(US_REPORTING_TOKEN)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("RateLimit-Remaining", "0");

    read(US_REPORTING_TOKEN)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals("Retry-After", "60")
        .expectHeader()
        .valueEquals("RateLimit-Limit", "2")
        .expectHeader()
        .valueEquals("RateLimit-Remaining", "0")
        .expectHeader()
        .exists("X-Request-Id")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(429)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("us-reporting", "60 second"));

    assertThat(facade.getAllServeEvents()).hasSize(2);
  }

  @Test
  void otherConsumersKeepTheirOwnBucket() {
    clock.advance(Duration.ofMinutes(10));
    read(US_REPORTING_TOKEN).expectStatus().isOk();
    read(US_REPORTING_TOKEN).expectStatus().isOk();
    read(US_REPORTING_TOKEN).expectStatus().isEqualTo(429);

    read(DEMO_APP_TOKEN).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "100");

    assertThat(facade.getAllServeEvents()).hasSize(3);
  }

  @Test
  void bucketRefillsAfterRetryAfter() {
    clock.advance(Duration.ofMinutes(10));
    read(US_REPORTING_TOKEN).expectStatus().isOk();
    read(US_REPORTING_TOKEN).expectStatus().isOk();
    read(US_REPORTING_TOKEN).expectStatus().isEqualTo(429);

    clock.advance(Duration.ofSeconds(60));

    read(US_REPORTING_TOKEN).expectStatus().isOk();
  }

  @Test
  void unauthenticatedRequestsAreNotCounted() {
    clock.advance(Duration.ofMinutes(10));
    for (int i = 0; i < 3; i++) {
      client.get().uri("/customer/1").exchange().expectStatus().isUnauthorized();
    }

    read(US_REPORTING_TOKEN).expectStatus().isOk();
  }

  private WebTestClient.ResponseSpec read(String token) {
    return client.get().uri("/customer/1").header("Authorization", "Bearer " + token).exchange();
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }
}
