package org.customerfacade.gateway.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
        output
            .getOut()
            .lines()
            .filter(line -> line.contains("\"logger_name\":\"org.customerfacade.gateway.access\""))
            .filter(line -> line.contains("\"operation\":\"retrieve\""))
            .reduce((first, second) -> second)
            .orElseThrow();
    assertThat(accessLine).contains("\"traceId\":\"" + TRACE_ID + "\"");
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
