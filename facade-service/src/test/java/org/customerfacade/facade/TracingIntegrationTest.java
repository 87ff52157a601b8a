package org.customerfacade.facade;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.customerfacade.facade.tracing.Spans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SampleEverything
class TracingIntegrationTest extends FacadeIntegrationTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final String CUSTOMER_8 =
      "{\"id\":8,\"public_id\":\"7f1c6a52-51c1-4c2e-9d0a-1f0e5b1d8c11\","
          + "\"created_datetime_utc\":\"2026-01-02T03:04:05\","
          + "\"modified_datetime_utc\":\"2026-01-02T03:04:05\",\"first_name\":\"Ada\"}";

  @Autowired RecordedSpans spans;

  @Autowired MeterRegistry meters;

  @BeforeEach
  void stubCustomer() {
    euPrimary.stubFor(get(urlEqualTo("/customer/8")).willReturn(okJson(CUSTOMER_8)));
    spans.clear();
  }

  @Test
  void providerReceivesCallersTraceId() {
    read("/customer/8").header("traceparent", traceparent("01")).exchange().expectStatus().isOk();

    String sent = providerTraceparent();
    assertThat(sent).startsWith("00-" + TRACE_ID + "-");
    assertThat(sent).doesNotContain(CALLER_SPAN_ID);
    assertThat(sent).endsWith("-01");
  }

  @Test
  void unsampledTraceIsStillPropagated() {
    read("/customer/8").header("traceparent", traceparent("00")).exchange().expectStatus().isOk();

    String sent = providerTraceparent();
    assertThat(sent).startsWith("00-" + TRACE_ID + "-");
    assertThat(sent).doesNotContain(CALLER_SPAN_ID);
    assertThat(sent).endsWith("-00");
  }

  @Test
  void callersBaggageIsNotForwarded() {
    read("/customer/8")
        .header("traceparent", traceparent("01"))
        .header("baggage", "consumer-note=internal-only")
        .exchange()
        .expectStatus()
        .isOk();

    List<LoggedRequest> requests = euPrimary.findAll(getRequestedFor(urlEqualTo("/customer/8")));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).containsHeader("baggage")).isFalse();
  }

  @Test
  void idempotentCreateKeepsCallersTrace() {
    euPrimary.stubFor(post(urlEqualTo("/customer")).willReturn(okJson(CUSTOMER_8).withStatus(201)));

    createRequest("eu-demo")
        .header("traceparent", traceparent("01"))
        .header("Idempotency-Key", "trace-create-1")
        .bodyValue("{\"first_name\":\"Ada\"}")
        .exchange()
        .expectStatus()
        .isCreated();

    List<LoggedRequest> creates = euPrimary.findAll(postRequestedFor(urlEqualTo("/customer")));
    assertThat(creates).hasSize(1);
    assertThat(creates.get(0).getHeader("traceparent")).startsWith("00-" + TRACE_ID + "-");
  }

  @Test
  void stepSpansHaveServerParent() {
    read("/customer/8").header("traceparent", traceparent("01")).exchange().expectStatus().isOk();

    SpanData server = spans.await(span -> span.getKind() == SpanKind.SERVER);
    SpanData lookup = spans.await(span -> span.getName().equals("cache retrieve"));
    SpanData upstream = spans.await(span -> span.getName().equals("upstream retrieve"));
    SpanData client = spans.await(span -> span.getKind() == SpanKind.CLIENT);
    assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
    assertThat(lookup.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(upstream.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(client.getParentSpanId()).isEqualTo(upstream.getSpanId());
    assertThat(lookup.getAttributes().get(AttributeKey.stringKey(Spans.OPERATION_TAG)))
        .isEqualTo("retrieve");
    assertThat(providerTraceparent()).contains(client.getSpanId());
  }

  @Test
  void spansAreTimedUnderTheirNames() {
    read("/customer/8").exchange().expectStatus().isOk();

    spans.await(span -> span.getName().equals("upstream retrieve"));
    assertThat(meters.get(Spans.CACHE_LOOKUP).tag("operation", "retrieve").timer().count())
        .isPositive();
    assertThat(meters.get(Spans.UPSTREAM_CALL).tag("operation", "retrieve").timer().count())
        .isPositive();
  }

  @Test
  void sampledFreshHitHasServerSpan() {
    read("/customer/8").exchange().expectStatus().isOk();
    spans.await(span -> span.getKind() == SpanKind.SERVER && url(span).endsWith("/customer/8"));
    spans.clear();

    read("/customer/8")
        .header("traceparent", traceparent("01"))
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT");

    SpanData server = spans.await(span -> span.getKind() == SpanKind.SERVER);
    assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
  }

  /**
   * Every new trace is sampled in this test class, so a fresh hit without a traceparent would have
   * a server span if it were observed. The request after it is observed and ends later.
   */
  @Test
  void unsampledFreshHitIsNotObserved() {
    euPrimary.stubFor(get(urlEqualTo("/customer/9")).willReturn(okJson(CUSTOMER_8)));
    read("/customer/8").exchange().expectStatus().isOk();
    spans.await(span -> span.getKind() == SpanKind.SERVER && url(span).endsWith("/customer/8"));
    spans.clear();

    read("/customer/8").exchange().expectHeader().valueEquals("X-Cache", "HIT");
    read("/customer/8")
        .header("traceparent", traceparent("00"))
        .exchange()
        .expectHeader()
        .valueEquals("X-Cache", "HIT");
    read("/customer/9").exchange().expectHeader().valueEquals("X-Cache", "MISS");

    spans.await(span -> span.getKind() == SpanKind.SERVER && url(span).endsWith("/customer/9"));
    assertThat(spans.finished())
        .filteredOn(span -> span.getKind() == SpanKind.SERVER)
        .extracting(TracingIntegrationTest::url)
        .noneMatch(url -> url.endsWith("/customer/8"));
  }

  private static String url(SpanData span) {
    return String.valueOf(span.getAttributes().get(AttributeKey.stringKey("http.url")));
  }

  private static String traceparent(String flags) {
    return "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-" + flags;
  }

  private static String providerTraceparent() {
    List<LoggedRequest> requests = euPrimary.findAll(getRequestedFor(urlEqualTo("/customer/8")));
    assertThat(requests).hasSize(1);
    return requests.get(0).getHeader("traceparent");
  }
}
