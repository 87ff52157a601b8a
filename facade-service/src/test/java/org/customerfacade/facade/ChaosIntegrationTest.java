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
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Provider faults injected with WireMock, under a short overall deadline: each caller gets the
 * right status before the deadline, reads fail over, breakers move as configured, and no create is
 * sent twice.
 */
@TestPropertySource(properties = "facade.resilience.deadline=" + ChaosIntegrationTest.DEADLINE_MS)
class ChaosIntegrationTest extends FacadeIntegrationTest {

  static final long DEADLINE_MS = 1_500;

  /** Allowance over the deadline for scheduling on a busy 2-core machine; not a timing claim. */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private static final String CUSTOMER = "{\"id\":8,\"first_name\":\"Kim\"}";

  /** A fault of the provider, with the status a caller gets when no endpoint can avoid it. */
  enum ProviderFault {
    FIXED_DELAY(() -> okJson(CUSTOMER).withFixedDelay(2_000), 504),
    RANDOM_DELAY(() -> okJson(CUSTOMER).withUniformRandomDelay(1_200, 2_500), 504),
    STATUS_500(() -> serverError(), 502),
    STATUS_503(() -> serviceUnavailable(), 502),
    CONNECTION_RESET(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 502),
    EMPTY_RESPONSE(() -> aResponse().withFault(Fault.EMPTY_RESPONSE), 502),
    MALFORMED_JSON(
        () ->
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": 8, \"first_"),
        502),
    SLOW_BODY(() -> okJson(CUSTOMER).withChunkedDribbleDelay(10, 3_000), 504);

    private final Supplier<ResponseDefinitionBuilder> response;
    private final int unavoidableStatus;

    ProviderFault(Supplier<ResponseDefinitionBuilder> response, int unavoidableStatus) {
      this.response = response;
      this.unavoidableStatus = unavoidableStatus;
    }

    /** Returns the fault as a create's response: 201 unless the fault is an error status. */
    ResponseDefinitionBuilder forCreate() {
      return this == STATUS_500 || this == STATUS_503
          ? response.get()
          : response.get().withStatus(201);
    }
  }

  @ParameterizedTest
  @EnumSource(ProviderFault.class)
  void readFailsOverFromFaultyPrimary(ProviderFault fault) {
    euPrimary.stubFor(get(urlEqualTo("/customer/8")).willReturn(fault.response.get()));
    euSecondary.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson(CUSTOMER)));

    WebTestClient.ResponseSpec response = timed(() -> read("/customer/8").exchange());

    response.expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(8);
    euSecondary.verify(1, getRequestedFor(urlEqualTo("/customer/8")));
  }

  @ParameterizedTest
  @EnumSource(ProviderFault.class)
  void readGetsHonestStatusWhenEveryEndpointFails(ProviderFault fault) {
    euPrimary.stubFor(get(urlEqualTo("/customer/8")).willReturn(fault.response.get()));
    euSecondary.stubFor(get(urlEqualTo("/customer/8")).willReturn(fault.response.get()));

    WebTestClient.ResponseSpec response = timed(() -> read("/customer/8").exchange());

    response
        .expectStatus()
        .isEqualTo(fault.unavoidableStatus)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @ParameterizedTest
  @EnumSource(ProviderFault.class)
  void createIsSentOnceDespiteFault(ProviderFault fault) {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(fault.forCreate()));
    euSecondary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CUSTOMER).withStatus(201)));

    WebTestClient.ResponseSpec response =
        timed(() -> createRequest("eu-demo").bodyValue("{\"first_name\":\"Kim\"}").exchange());

    response.expectStatus().isEqualTo(fault.unavoidableStatus);
    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
    euSecondary.verify(0, postRequestedFor(urlEqualTo("/customer")));
  }

  @ParameterizedTest
  @EnumSource(ProviderFault.class)
  void createFailsOverPastOpenBreakerOnce(ProviderFault fault) {
    // The open breaker means the primary never received the create, so it moves to the secondary.
    // The secondary's fault then reaches the caller without a second send.
    breakers.circuitBreaker("eu-production-1").transitionToForcedOpenState();
    euSecondary.stubFor(post(urlEqualTo("/customer")).willReturn(fault.forCreate()));

    timed(() -> createRequest("eu-demo").bodyValue("{\"first_name\":\"Kim\"}").exchange())
        .expectStatus()
        .isEqualTo(fault.unavoidableStatus);

    euPrimary.verify(0, postRequestedFor(urlEqualTo("/customer")));
    euSecondary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderFault.class,
      names = {"STATUS_500", "STATUS_503", "CONNECTION_RESET", "EMPTY_RESPONSE", "MALFORMED_JSON"})
  void breakerOpensThenHalfOpensOnClock(ProviderFault fault) {
    euPrimary.stubFor(get(urlEqualTo("/customer/8")).willReturn(fault.response.get()));
    euSecondary.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson(CUSTOMER)));
    CircuitBreaker primary = breakers.circuitBreaker("eu-production-1");

    for (int i = 0; i < 4; i++) {
      cache.invalidateAll();
      read("/customer/8").exchange().expectStatus().isOk();
    }
    assertThat(primary.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    clock.advance(Duration.ofSeconds(29));
    cache.invalidateAll();
    read("/customer/8").exchange().expectStatus().isOk();
    assertThat(primary.getState()).isEqualTo(CircuitBreaker.State.OPEN);

    clock.advance(Duration.ofSeconds(2));
    cache.invalidateAll();
    read("/customer/8").exchange().expectStatus().isOk();

    assertThat(primary.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    euPrimary.verify(5, getRequestedFor(urlEqualTo("/customer/8")));
  }

  @Test
  void successWithoutBodyIsBadGateway() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(aResponse().withStatus(201)));

    createRequest("eu-demo")
        .bodyValue("{\"first_name\":\"Kim\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("eu-production-1"));

    euSecondary.verify(0, postRequestedFor(urlEqualTo("/customer")));
  }

  @Test
  void deadlineBoundsRetries() {
    us.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson(CUSTOMER).withFixedDelay(3_000)));

    WebTestClient.ResponseSpec response =
        timed(() -> read("/customer/8").header("X-Account", "us-demo").exchange());

    response
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("deadline of 1500 ms"));
    us.verify(2, getRequestedFor(urlEqualTo("/customer/8")));
  }

  @Test
  void idempotentRepeatAfterTimeoutCreatesOnce() {
    euPrimary.stubFor(
        post(urlEqualTo("/customer"))
            .willReturn(okJson(CUSTOMER).withStatus(201).withFixedDelay(300)));

    timed(
            () ->
                createRequest("eu-demo")
                    .header("Idempotency-Key", "chaos-1")
                    .bodyValue("{\"first_name\":\"Kim\"}")
                    .exchange())
        .expectStatus()
        .isCreated();
    createRequest("eu-demo")
        .header("Idempotency-Key", "chaos-1")
        .bodyValue("{\"first_name\":\"Kim\"}")
        .exchange()
        .expectStatus()
        .isCreated();

    euPrimary.verify(1, postRequestedFor(urlEqualTo("/customer")));
  }

  /** Runs an exchange and checks that its response came before the deadline, with slack. */
  private static WebTestClient.ResponseSpec timed(Supplier<WebTestClient.ResponseSpec> exchange) {
    long started = System.nanoTime();

    WebTestClient.ResponseSpec response = exchange.get();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Duration.ofMillis(DEADLINE_MS).plus(SLACK));
    return response;
  }
}
