package org.customerfacade.gateway.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Arrays;
import java.util.List;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTest extends GatewayIntegrationTestSupport {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String CALLER_SPAN_ID = "b7ad6b7169203331";

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":1}")));
  }

  @Test
  void facadeReceivesSameTraceWithNewParent() {
    call(traceparent("01"));

    String sent = facadeTraceparent();
    assertThat(sent).startsWith("00-" + TRACE_ID + "-");
    assertThat(parentSpanId(sent)).isNotEqualTo(CALLER_SPAN_ID);
    assertThat(parentSpanId(sent)).matches("[0-9a-f]{16}");
    assertThat(sent).endsWith("-01");
  }

  @Test
  void unsampledTraceIsStillPropagated() {
    call(traceparent("00"));

    String sent = facadeTraceparent();
    assertThat(sent).startsWith("00-" + TRACE_ID + "-");
    assertThat(parentSpanId(sent)).isNotEqualTo(CALLER_SPAN_ID);
    assertThat(sent).endsWith("-00");
  }

  @Test
  void requestWithoutTraceparentStartsTrace() {
    call(null);

    assertThat(facadeTraceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
  }

  @Test
  void accessLogCarriesTraceId(CapturedOutput output) {
    call(traceparent("00"));

    String accessLine =
        lastLine(
            output,
            "\"logger_name\":\"org.customerfacade.gateway.access\"",
            "\"operation\":\"retrieve\"");
    assertThat(accessLine).contains("\"traceId\":\"" + TRACE_ID + "\"");
    assertThat(accessLine).containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    assertThat(accessLine).doesNotContain(CALLER_SPAN_ID);
  }

  @Test
  void upstreamFailureLogCarriesTraceId(CapturedOutput output) {
    facade.stubFor(
        get(urlPathEqualTo("/customer/2"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    client
        .get()
        .uri("/customer/2")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .header("traceparent", traceparent("00"))
        .exchange()
        .expectStatus()
        .isEqualTo(502);

    String warning = lastLine(output, "\"level\":\"WARN\"", "failed upstream");
    assertThat(warning).contains("\"traceId\":\"" + TRACE_ID + "\"");
  }

  private void call(String traceparent) {
    client
        .get()
        .uri("/customer/1")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .headers(
            headers -> {
              if (traceparent != null) {
                headers.set("traceparent", traceparent);
              }
            })
        .exchange()
        .expectStatus()
        .isOk();
  }

  /** Returns the last output line that contains every one of {@code fragments}. */
  private static String lastLine(CapturedOutput output, String... fragments) {
    return output
        .getOut()
        .lines()
        .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private static String traceparent(String flags) {
    return "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-" + flags;
  }

  private static String parentSpanId(String traceparent) {
    return traceparent.split("-")[2];
  }

  private String facadeTraceparent() {
    List<LoggedRequest> requests = facade.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    List<String> values = requests.get(0).getHeaders().getHeader("traceparent").values();
    assertThat(values).hasSize(1);
    return values.get(0);
  }
}
