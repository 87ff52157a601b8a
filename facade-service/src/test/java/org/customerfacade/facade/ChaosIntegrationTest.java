package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Provider faults injected with WireMock, under a short overall deadline: each caller gets the
 * right status before the deadline, breakers move as configured, and no create is repeated.
 */
@TestPropertySource(properties = "facade.resilience.deadline=" + ChaosIntegrationTest.DEADLINE_MS)
class ChaosIntegrationTest extends FacadeIntegrationTest {

  static final long DEADLINE_MS = 1_500;

  /** Allowance over the deadline for scheduling on a busy 2-core machine; not a timing claim. */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private static final String CUSTOMER = "{\"id\":8,\"first_name\":\"Kim\"}";

  @Test
  void deadlineBoundsRetries() {
    us.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson(CUSTOMER).withFixedDelay(3_000)));
    long started = System.nanoTime();

    read("/customer/8")
        .header("X-Account", "us-demo")
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("deadline of 1500 ms"));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Duration.ofMillis(DEADLINE_MS).plus(SLACK));
    us.verify(2, getRequestedFor(urlEqualTo("/customer/8")));
  }
}
