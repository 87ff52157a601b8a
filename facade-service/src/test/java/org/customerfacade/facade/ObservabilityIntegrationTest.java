package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The access log's line per request and the Prometheus metrics of requests, upstream calls,
 * failovers, retries and breaker states, each after traffic that causes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTest extends FacadeIntegrationTest {

  private static final String CUSTOMER =
      "{\"id\":31,\"first_name\":\"Hedy\",\"last_name\":\"Lamarr\","
          + "\"email\":\"hedy.lamarr@example.com\",\"cf_nickname\":\"Hedwig\"}";

  /** The test context's many meters make a scrape larger than WebClient's default 256 KB. */
  private static final int MAX_SCRAPE_BYTES = 4 * 1024 * 1024;

  private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

  @LocalManagementPort int managementPort;

  @Test
  void accessLogHasOneLinePerRequest(CapturedOutput output) {
    euPrimary.stubFor(get(urlEqualTo("/customer/31")).willReturn(okJson(CUSTOMER)));

    read("/customer/31").header("X-Request-Id", "obs-miss-1").exchange().expectStatus().isOk();
    read("/customer/31").header("X-Request-Id", "obs-hit-1").exchange().expectStatus().isOk();

    String miss = onlyLineWith(output, "obs-miss-1");
    assertThat(miss).startsWith("{");
    assertThat(miss).contains("\"logger_name\":\"org.customerfacade.facade.access\"");
    assertThat(miss).contains("\"consumer\":\"" + CONSUMER + "\"");
    assertThat(miss).contains("\"account\":\"eu-demo\"");
    assertThat(miss).contains("\"region\":\"eu\"");
    assertThat(miss).contains("\"operation\":\"retrieve\"");
    assertThat(miss).contains("\"status\":200");
    assertThat(miss).contains("\"cache\":\"MISS\"");
    assertThat(miss).contains("\"upstream\":\"eu-production-1\"");
    assertThat(miss).contains("\"upstream_attempts\":1");
    assertThat(miss).contains("\"latency_us\":");
    String hit = onlyLineWith(output, "obs-hit-1");
    assertThat(hit).contains("\"cache\":\"HIT\"");
    assertThat(hit).contains("\"account\":\"eu-demo\"");
    assertThat(hit).contains("\"upstream\":\"-\"");
    assertThat(output.getAll()).doesNotContain("Lamarr", "hedy.lamarr", "Hedwig");
  }

  /** An unsampled fresh hit has no server span, so its line takes the caller's trace id. */
  @Test
  void unsampledHitLogsCallersTraceId(CapturedOutput output) {
    euPrimary.stubFor(get(urlEqualTo("/customer/32")).willReturn(okJson(CUSTOMER)));
    read("/customer/32").exchange().expectStatus().isOk();

    readInCallersTrace("/customer/32", "obs-unsampled-hit")
        .expectHeader()
        .valueEquals("X-Cache", "HIT");

    String hit = onlyLineWith(output, "obs-unsampled-hit");
    assertThat(hit).contains("\"traceId\":\"" + CALLER_TRACE_ID + "\"");
    assertThat(hit).containsOnlyOnce("\"traceId\"");
  }

  /** A miss is observed, so its line carries the facade's server span in the caller's trace. */
  @Test
  void observedMissLogsServerSpan(CapturedOutput output) {
    euPrimary.stubFor(get(urlEqualTo("/customer/35")).willReturn(okJson(CUSTOMER)));

    readInCallersTrace("/customer/35", "obs-observed-miss")
        .expectHeader()
        .valueEquals("X-Cache", "MISS");

    String miss = onlyLineWith(output, "obs-observed-miss");
    assertThat(miss).contains("\"traceId\":\"" + CALLER_TRACE_ID + "\"");
    assertThat(miss).containsOnlyOnce("\"traceId\"");
    assertThat(miss).containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    assertThat(miss).doesNotContain(CALLER_SPAN_ID);
  }

  @Test
  void failoverWarningCarriesTraceId(CapturedOutput output) {
    euPrimary.stubFor(get(urlEqualTo("/customer/36")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/36")).willReturn(okJson(CUSTOMER)));

    readInCallersTrace("/customer/36", "obs-failover-trace").expectStatus().isOk();

    List<String> warnings =
        output.getOut().lines().filter(line -> line.contains("failing over to")).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("\"traceId\":\"" + CALLER_TRACE_ID + "\"");
    assertThat(warnings.get(0)).containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
  }

  @Test
  void accessLogNamesLastEndpointAfterFailover(CapturedOutput output) {
    euPrimary.stubFor(get(urlEqualTo("/customer/32")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/32")).willReturn(okJson(CUSTOMER)));

    read("/customer/32").header("X-Request-Id", "obs-failover-1").exchange().expectStatus().isOk();

    String line = onlyLineWith(output, "obs-failover-1");
    assertThat(line).contains("\"upstream\":\"eu-production-2\"");
    assertThat(line).contains("\"upstream_attempts\":2");
  }

  @Test
  void accessLogRecordsRejectedCalls(CapturedOutput output) {
    client
        .get()
        .uri("/customer/33")
        .header("X-Consumer-Id", "someone <evil@example.com>")
        .header("X-Request-Id", "obs-rejected-1")
        .header(GatewaySecretHeader.NAME, "wrong-secret")
        .header("x-api-version", "2.0")
        .exchange()
        .expectStatus()
        .isUnauthorized();

    String line = onlyLineWith(output, "obs-rejected-1");
    assertThat(line).contains("\"status\":401");
    assertThat(line).contains("\"consumer\":\"invalid\"");
    assertThat(line).contains("\"cache\":\"-\"");
    assertThat(line).doesNotContain("evil");
  }

  @Test
  void prometheusRequiresOperatorToken() {
    management().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void requestsAppearInPrometheus() {
    String requests =
        "facade_requests_seconds_count{operation=\"retrieve\",route=\"/customer/{id}\",status=\"200\"}";
    String calls =
        "facade_upstream_calls_seconds_count{endpoint=\"eu-production-1\",operation=\"retrieve\","
            + "outcome=\"success\"}";
    String before = scrape();
    euPrimary.stubFor(get(urlEqualTo("/customer/34")).willReturn(okJson(CUSTOMER)));

    read("/customer/34").exchange().expectStatus().isOk();
    read("/customer/34").exchange().expectStatus().isOk();

    String after = scrape();
    assertThat(sample(after, requests)).isEqualTo(sample(before, requests) + 2);
    assertThat(sample(after, calls)).isEqualTo(sample(before, calls) + 1);
    assertThat(after).contains("facade_requests_seconds_bucket{");
    assertThat(after).contains("facade_upstream_calls_seconds_bucket{");
    assertThat(after).contains("resilience4j_bulkhead_available_concurrent_calls{");
  }

  @Test
  void failoverAppearsInPrometheus() {
    String failovers =
        "facade_upstream_failovers_total{from=\"eu-production-1\",operation=\"retrieve\","
            + "to=\"eu-production-2\"}";
    String failedCalls =
        "facade_upstream_calls_seconds_count{endpoint=\"eu-production-1\",operation=\"retrieve\","
            + "outcome=\"server_error\"}";
    String before = scrape();
    euPrimary.stubFor(get(urlEqualTo("/customer/35")).willReturn(serviceUnavailable()));
    euSecondary.stubFor(get(urlEqualTo("/customer/35")).willReturn(okJson(CUSTOMER)));

    read("/customer/35").exchange().expectStatus().isOk();

    String after = scrape();
    assertThat(sample(after, failovers)).isEqualTo(sample(before, failovers) + 1);
    assertThat(sample(after, failedCalls)).isEqualTo(sample(before, failedCalls) + 1);
  }

  @Test
  void retryAppearsInPrometheus() {
    String retries =
        "facade_upstream_retries_total{environment=\"production\",operation=\"retrieve\","
            + "region=\"us\"}";
    String before = scrape();
    us.stubFor(
        get(urlEqualTo("/customer/36"))
            .inScenario("recovering")
            .whenScenarioStateIs(STARTED)
            .willReturn(serviceUnavailable())
            .willSetStateTo("recovered"));
    us.stubFor(
        get(urlEqualTo("/customer/36"))
            .inScenario("recovering")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(CUSTOMER)));

    read("/customer/36").header("X-Account", "us-demo").exchange().expectStatus().isOk();

    assertThat(sample(scrape(), retries)).isEqualTo(sample(before, retries) + 1);
  }

  @Test
  void deniedRetryAppearsInPrometheus() {
    String denied =
        "facade_upstream_retries_denied_total{environment=\"production\",operation=\"retrieve\","
            + "region=\"us\"}";
    String before = scrape();
    // Only the retry budget may stop the retries here, not an open breaker.
    breakers.circuitBreaker("us-production-1").transitionToDisabledState();
    us.stubFor(get(urlEqualTo("/customer/38")).willReturn(serviceUnavailable()));

    for (int i = 0; i < 10; i++) {
      read("/customer/38").header("X-Account", "us-demo").exchange().expectStatus().isEqualTo(502);
    }

    // 10 requests allow the 3 retries always granted plus 20% of 10, so 5 of the 10 are denied.
    assertThat(sample(scrape(), denied)).isEqualTo(sample(before, denied) + 5);
  }

  @Test
  void openBreakerAppearsInPrometheus() {
    us.stubFor(get(urlEqualTo("/customer/37")).willReturn(serverError()));

    for (int i = 0; i < 4; i++) {
      read("/customer/37").header("X-Account", "us-demo").exchange().expectStatus().isEqualTo(502);
    }

    String scrape = scrape();
    assertThat(scrape)
        .containsPattern(
            "resilience4j_circuitbreaker_state\\{name=\"us-production-1\",state=\"open\"} 1\\.0");
    assertThat(scrape)
        .containsPattern(
            "resilience4j_circuitbreaker_state\\{name=\"us-production-1\",state=\"closed\"} 0\\.0");
  }

  /** Returns the value of one series in a Prometheus scrape, or 0 when it is not there yet. */
  private static double sample(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElse(0);
  }

  /** Sends a read with an unsampled {@code traceparent} of the caller's trace. */
  private WebTestClient.ResponseSpec readInCallersTrace(String path, String requestId) {
    return read(path)
        .header("X-Request-Id", requestId)
        .header("traceparent", "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-00")
        .exchange();
  }

  private static String onlyLineWith(CapturedOutput output, String requestId) {
    List<String> lines =
        output
            .getOut()
            .lines()
            .filter(line -> line.contains("\"request_id\":\"" + requestId + "\""))
            .toList();
    assertThat(lines).as("access-log lines of " + requestId).hasSize(1);
    return lines.get(0);
  }

  private WebTestClient management() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + managementPort)
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_SCRAPE_BYTES))
        .build();
  }

  private String scrape() {
    return management()
        .get()
        .uri("/actuator/prometheus")
        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
