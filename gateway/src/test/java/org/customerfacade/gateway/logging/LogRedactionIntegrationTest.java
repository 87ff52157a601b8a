package org.customerfacade.gateway.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * Runs requests that carry the demo's tokens, emails and names through the gateway, then scans
 * everything the gateway logged for them.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionIntegrationTest extends GatewayIntegrationTestSupport {

  private static final String CUSTOMER =
      """
      {"id":1001,"first_name":"Ada","last_name":"Lovelace","email":"ada.lovelace@example.com",\
      "phone":"+44 20 7946 0000"}""";

  /** Secrets and personal data of the demo that no log line may contain. */
  private static final List<String> FORBIDDEN =
      List.of(
          DEMO_APP_TOKEN,
          US_REPORTING_TOKEN,
          "local-demo-gateway-secret",
          "eu-demo-key",
          "ada.lovelace@example.com",
          "ada.lovelace%40example.com",
          "priya.raman@example.com",
          "Lovelace",
          "+44 20 7946 0000");

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(okJson(CUSTOMER).withHeader("X-Cache", "MISS")));
  }

  @Test
  void logsContainNoSecretsOrPersonalData(CapturedOutput output) {
    client
        .get()
        .uri("/customer?email=ada.lovelace%40example.com")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .exchange()
        .expectStatus()
        .isOk();
    client
        .post()
        .uri("/customer")
        .header("Authorization", "Bearer " + US_REPORTING_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(CUSTOMER)
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .get()
        .uri("/customer/1001")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN + "x")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    logCarelessly();

    for (String forbidden : FORBIDDEN) {
      assertThat(output.getAll()).as("captured logs").doesNotContain(forbidden);
    }
  }

  @Test
  void accessLogHasOneStructuredLinePerRequest(CapturedOutput output) {
    client
        .get()
        .uri("/customer/1001")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header("X-Request-Id", "access-log-test-1")
        .header("X-Account", "eu-demo")
        .exchange()
        .expectStatus()
        .isOk();

    List<String> lines =
        output.getOut().lines().filter(line -> line.contains("access-log-test-1")).toList();
    assertThat(lines).hasSize(1);
    String line = lines.get(0);
    assertThat(line).startsWith("{");
    assertThat(line).contains("\"request_id\":\"access-log-test-1\"");
    assertThat(line).contains("\"consumer\":\"demo-app\"");
    assertThat(line).contains("\"operation\":\"retrieve\"");
    assertThat(line).contains("\"account\":\"eu-demo\"");
    assertThat(line).contains("\"status\":200");
    assertThat(line).contains("\"cache\":\"MISS\"");
    assertThat(line).contains("\"latency_ms\":");
  }

  /**
   * Redaction recognises a secret by what surrounds it, so the access log keeps header values and
   * paths only when they cannot carry one.
   */
  @Test
  void accessLogKeepsNoCallerTextBesidesTokens(CapturedOutput output) {
    List<String> hostileAccounts =
        List.of("+44 20 7946 0321", "Bearer " + DEMO_APP_TOKEN, "Zelda Quixotic");
    for (int i = 0; i < hostileAccounts.size(); i++) {
      client
          .get()
          .uri("/customer/1001")
          .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
          .header("X-Request-Id", "hostile-account-" + i)
          .header("X-Account", hostileAccounts.get(i))
          .exchange();
    }
    client
        .get()
        .uri("/x/password=hunter2secret")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header("X-Request-Id", "hostile-path")
        .exchange();

    for (int i = 0; i < hostileAccounts.size(); i++) {
      assertThat(accessLine(output, "hostile-account-" + i)).contains("\"account\":\"invalid\"");
    }
    assertThat(accessLine(output, "hostile-path")).contains("\"operation\":\"other\"");
    assertThat(output.getAll())
        .doesNotContain("7946", "0321", DEMO_APP_TOKEN, "Zelda", "Quixotic", "hunter2");
  }

  private static String accessLine(CapturedOutput output, String requestId) {
    List<String> lines =
        output
            .getOut()
            .lines()
            .filter(line -> line.contains("\"request_id\":\"" + requestId + "\""))
            .filter(line -> line.contains("org.customerfacade.gateway.access"))
            .toList();
    assertThat(lines).as("access lines of " + requestId).hasSize(1);
    return lines.get(0);
  }

  /** Logs the way a careless change might, to prove the structured-log redaction catches it. */
  private static void logCarelessly() {
    Logger log = LoggerFactory.getLogger(LogRedactionIntegrationTest.class);
    log.warn(
        "Lookup for ada.lovelace@example.com with Bearer {} failed",
        DEMO_APP_TOKEN,
        new IllegalStateException(
            "customer {\"last_name\":\"Lovelace\",\"phone\":\"+44 20 7946 0000\"} api_key=eu-demo-key"
                + " X-Gateway-Secret: local-demo-gateway-secret priya.raman@example.com"));
  }
}
