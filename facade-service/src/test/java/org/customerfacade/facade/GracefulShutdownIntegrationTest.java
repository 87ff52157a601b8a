package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Closes a running facade, as SIGTERM does through the JVM's shutdown hook, while a call is in
 * flight: the call completes, and the port stops accepting connections.
 */
class GracefulShutdownIntegrationTest {

  private final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());

  @AfterEach
  void stopProvider() {
    provider.stop();
  }

  @Test
  void inFlightCallCompletesOnShutdown() throws Exception {
    provider.start();
    provider.stubFor(
        get(urlEqualTo("/customer/1")).willReturn(okJson("{\"id\":1}").withFixedDelay(1_000)));
    ConfigurableApplicationContext facade = startFacade();
    WebTestClient client = clientOf(facade);

    CompletableFuture<Integer> inFlight =
        CompletableFuture.supplyAsync(
            () -> read(client).returnResult(String.class).getStatus().value());
    awaitRequestAtProvider();
    facade.close();

    assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThatThrownBy(() -> read(client).returnResult(String.class))
        .hasRootCauseInstanceOf(java.net.ConnectException.class);
  }

  private ConfigurableApplicationContext startFacade() {
    return new SpringApplicationBuilder(FacadeApplication.class)
        .run(
            "--server.port=0",
            "--management.server.port=0",
            "--facade.routing.regions.us.production[0]=" + provider.baseUrl(),
            "--facade.resilience.timeouts.retrieve=5s",
            "--spring.lifecycle.timeout-per-shutdown-phase=5s");
  }

  private static WebTestClient clientOf(ConfigurableApplicationContext facade) {
    String port = facade.getEnvironment().getProperty("local.server.port");
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultHeader(GatewaySecretHeader.NAME, GatewaySecretHeader.DEMO_VALUE)
        .responseTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static WebTestClient.ResponseSpec read(WebTestClient client) {
    return client
        .get()
        .uri("/customer/1")
        .header("X-Consumer-Id", "us-reporting")
        .header("x-api-version", "2.0")
        .exchange();
  }

  /** Polls until the provider has the request, so the shutdown starts with the call in flight. */
  private void awaitRequestAtProvider() throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (provider.getAllServeEvents().isEmpty() && System.nanoTime() < giveUp) {
      Thread.sleep(20);
    }
    assertThat(provider.getAllServeEvents()).hasSize(1);
  }
}
