package org.customerfacade.gateway.limits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.customerfacade.gateway.GatewayIntegrationTestSupport;
import org.customerfacade.gateway.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

class RequestLimitsIntegrationTest extends GatewayIntegrationTestSupport {

  private static final String AUTH = "Authorization: Bearer " + DEMO_APP_TOKEN + "\r\n";

  @LocalServerPort int port;

  @BeforeEach
  void stubFacade() {
    facade.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  static Stream<Arguments> hostileRequests() {
    return Stream.of(
        Arguments.of("encoded slash", "GET /customer/1%2F2 HTTP/1.1\r\n", 400),
        Arguments.of("encoded slash lowercase", "GET /customer/1%2f2 HTTP/1.1\r\n", 400),
        Arguments.of("encoded backslash", "GET /customer/1%5C2 HTTP/1.1\r\n", 400),
        Arguments.of("dot dot segment", "GET /customer/../admin HTTP/1.1\r\n", 400),
        Arguments.of("trailing dot dot", "GET /customer/.. HTTP/1.1\r\n", 400),
        Arguments.of("dot segment", "GET /customer/./1 HTTP/1.1\r\n", 400),
        Arguments.of("encoded dot dot", "GET /customer/%2e%2e/admin HTTP/1.1\r\n", 400),
        Arguments.of("mixed dot dot", "GET /customer/.%2E HTTP/1.1\r\n", 400),
        Arguments.of("double encoded dots", "GET /customer/%252e%252e HTTP/1.1\r\n", 400),
        Arguments.of("matrix parameter", "GET /customer/..;/admin HTTP/1.1\r\n", 400),
        Arguments.of("encoded NUL in path", "GET /customer/1%00 HTTP/1.1\r\n", 400),
        Arguments.of("encoded CR LF in path", "GET /customer/1%0d%0aX:1 HTTP/1.1\r\n", 400),
        Arguments.of(
            "encoded CR LF in query", "GET /customer?email=a%0D%0AX-Evil:1 HTTP/1.1\r\n", 400),
        Arguments.of(
            "URL too long", "GET /customer?email=" + "a".repeat(3000) + " HTTP/1.1\r\n", 414),
        Arguments.of(
            "headers too large",
            "GET /customer/1 HTTP/1.1\r\nX-Padding: " + "p".repeat(9000) + "\r\n",
            431),
        Arguments.of(
            "body length over limit",
            "POST /customer HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 70000\r\n",
            413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void hostileRequestGetsProblem(String name, String requestLine, int expectedStatus) {
    RawHttp.Response response = RawHttp.send(port, requestLine + "Host: 127.0.0.1\r\n" + AUTH, "");

    assertThat(response.status()).isEqualTo(expectedStatus);
    assertThat(response.hasHeader("Content-Type", "application/problem+json")).isTrue();
    assertThat(response.body()).contains("\"status\":" + expectedStatus);
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void problemDoesNotReflectEncodedMarkup() {
    RawHttp.Response response =
        RawHttp.send(
            port, "GET /customer/%3Cscript%3E%2F HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH, "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("<script>");
    assertThat(response.body()).contains("%253Cscript%253E");
  }

  @Test
  void unknownPathProblemEscapesInput() {
    RawHttp.Response response =
        RawHttp.send(port, "GET /admin'x'(1) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH, "");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("'x'");
    assertThat(response.body()).contains("/admin%27x%27%281%29");
  }

  /** Reactor Netty rejects these request lines itself, with an empty 400. */
  @ParameterizedTest
  @MethodSource("invalidRequestTargets")
  void invalidRequestTargetIsNotReflected(String target) {
    RawHttp.Response response =
        RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH, "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).doesNotContain(target);
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  static Stream<String> invalidRequestTargets() {
    return Stream.of("/customer/1\\2", "/customer/<script>", "/customer/\"1\"", "/customer/{1}");
  }

  @Test
  void controlCharacterInHeaderIs400() {
    RawHttp.Response response =
        RawHttp.send(
            port, "GET /customer/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\u0001b\r\n" + AUTH, "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(facade.getAllServeEvents()).isEmpty();
  }

  @Test
  void chunkedBodyOverLimitIs413() {
    Flux<DataBuffer> body =
        Flux.range(0, 8)
            .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[16 * 1024]));

    client
        .post()
        .uri("/customer")
        .header("Authorization", "Bearer " + DEMO_APP_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void ordinaryRequestPasses() {
    RawHttp.Response response =
        RawHttp.send(port, "GET /customer/1001 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + AUTH, "");

    assertThat(response.status()).isEqualTo(200);
    assertThat(facade.getAllServeEvents()).hasSize(1);
  }
}
